"""French, Spanish and Portuguese (Brazil) text of every ``tr()`` string of ``clinic_app/ui``.

``T`` maps the English source to ``(fr, es, pt)``; ``fill_ts.py`` writes it into the ``.ts``
files. The same source gets the same translation in every context.

Conventions: laboratory vocabulary (frottis/frotis/esfregaço, leucocytes/leucocitos/leucócitos,
blastes/blastos, compte rendu/informe/relatório); the sign-off is "validation/validación/
validação" and the act of signing "signer/firmar/assinar". French uses "dossier" for a case and
"répertoire" for a folder on disk; Portuguese is Brazilian ("arquivo", "salvar", "usuário") and
says "excluir da contagem" for excluding, because a bare "excluir" means delete there. Python
placeholders (``%s``, ``%d``, ``%.0f``, ``%%``), Qt's ``%v``/``%m``, one ``&`` mnemonic, ``…``
and the flag code ALL, file patterns, HL7, FHIR, PDF, CSV, sha256 and fps stay as they are.
"""

T: dict[str, tuple[str, str, str]] = {  # source: (fr, es, pt)
    "Models not loaded.": ("Modèles non chargés.", "Modelos no cargados.",
                           "Modelos não carregados."),
    "Model": ("Modèle", "Modelo", "Modelo"),
    "Version": ("Version", "Versión", "Versão"),
    # --- users dialog (File > Users…) ---------------------------------------------------------
    "&Users…": ("&Utilisateurs…", "&Usuarios…", "&Usuários…"),
    "Users": ("Utilisateurs", "Usuarios", "Usuários"),
    "New user": ("Nouvel utilisateur", "Nuevo usuario", "Novo usuário"),
    "A new account for this data folder.": ("Un nouveau compte pour ce répertoire de données.",
                                            "Una cuenta nueva para esta carpeta de datos.",
                                            "Uma nova conta para esta pasta de dados."),
    "Role": ("Rôle", "Función", "Função"),
    "User accounts": ("Comptes utilisateurs", "Cuentas de usuario", "Contas de usuário"),
    "New user…": ("Nouvel utilisateur…", "Nuevo usuario…", "Novo usuário…"),
    "Reset password…": ("Réinitialiser le mot de passe…", "Restablecer contraseña…",
                        "Redefinir senha…"),
    "Close account": ("Fermer le compte", "Cerrar cuenta", "Encerrar conta"),
    "Change my password…": ("Changer mon mot de passe…", "Cambiar mi contraseña…",
                            "Alterar minha senha…"),
    "Only an administrator adds or closes accounts.": (
        "Seul un administrateur ajoute ou ferme des comptes.",
        "Solo un administrador añade o cierra cuentas.",
        "Somente um administrador adiciona ou encerra contas."),
    "Account %s created.": ("Compte %s créé.", "Cuenta %s creada.", "Conta %s criada."),
    "Reset password": ("Réinitialiser le mot de passe", "Restablecer contraseña",
                       "Redefinir senha"),
    "New password for %s:": ("Nouveau mot de passe de %s :", "Nueva contraseña para %s:",
                             "Nova senha para %s:"),
    "Password of %s reset.": ("Mot de passe de %s réinitialisé.", "Contraseña de %s restablecida.",
                              "Senha de %s redefinida."),
    "Account %s closed.": ("Compte %s fermé.", "Cuenta %s cerrada.", "Conta %s encerrada."),
    "Change my password": ("Changer mon mot de passe", "Cambiar mi contraseña",
                           "Alterar minha senha"),
    "Current password:": ("Mot de passe actuel :", "Contraseña actual:", "Senha atual:"),
    "New password:": ("Nouveau mot de passe :", "Nueva contraseña:", "Nova senha:"),
    "Your password was changed.": ("Votre mot de passe a été changé.",
                                   "Su contraseña se ha cambiado.", "Sua senha foi alterada."),
    # --- main window: menus, tabs, title ------------------------------------------------------
    "&File": ("&Fichier", "&Archivo", "&Arquivo"),
    "&Edit": ("É&dition", "&Editar", "&Editar"),
    "&Help": ("&Aide", "A&yuda", "A&juda"),
    "&New case…": ("&Nouveau dossier…", "&Nuevo caso…", "&Novo caso…"),
    "&Find case…": ("&Rechercher un dossier…", "&Buscar caso…", "&Procurar caso…"),
    "&Import images…": ("&Importer des images…", "&Importar imágenes…", "&Importar imagens…"),
    "&Settings…": ("&Paramètres…", "&Configuración…", "&Configurações…"),
    "&Quit": ("&Quitter", "&Salir", "&Sair"),
    "&Undo": ("&Annuler", "&Deshacer", "&Desfazer"),
    "&Undo %s": ("&Annuler %s", "&Deshacer %s", "&Desfazer %s"),
    "&Redo": ("&Rétablir", "&Rehacer", "&Refazer"),
    "&About…": ("À &propos…", "&Acerca de…", "&Sobre…"),
    "1  Cases": ("1  Dossiers", "1  Casos", "1  Casos"),
    "2  Capture": ("2  Acquisition", "2  Captura", "2  Captura"),
    "3  Review": ("3  Revue", "3  Revisión", "3  Revisão"),
    "4  Report": ("4  Compte rendu", "4  Informe", "4  Relatório"),
    "No case open": ("Aucun dossier ouvert", "Ningún caso abierto", "Nenhum caso aberto"),
    "Blood smear screening": ("Dépistage sur frottis sanguin", "Cribado en frotis de sangre",
                              "Triagem em esfregaço de sangue"),
    "Blood smear screening — %s": ("Dépistage sur frottis sanguin — %s",
                                   "Cribado en frotis de sangre — %s",
                                   "Triagem em esfregaço de sangue — %s"),
    "Case store problem": ("Problème de stockage des dossiers",
                           "Problema con el almacenamiento de casos",
                           "Problema no armazenamento de casos"),
    "Loading models…": ("Chargement des modèles…", "Cargando modelos…", "Carregando modelos…"),
    "Undone: %s": ("Annulé : %s", "Deshecho: %s", "Desfeito: %s"),
    "Nothing to undo": ("Rien à annuler", "Nada que deshacer", "Nada para desfazer"),
    "Redone: %s": ("Rétabli : %s", "Rehecho: %s", "Refeito: %s"),
    "Nothing to redo": ("Rien à rétablir", "Nada que rehacer", "Nada para refazer"),
    "This case is signed. Reopen it on the Review page to add fields.": (
        "Ce dossier est signé. Rouvrez-le dans l'onglet Revue pour ajouter des champs.",
        "Este caso está firmado. Reábralo en la página Revisión para añadir campos.",
        "Este caso está assinado. Reabra-o na página Revisão para adicionar campos."),
    "Opening case %d…": ("Ouverture du dossier %d…", "Abriendo el caso %d…",
                         "Abrindo o caso %d…"),
    "Case %d · %s %s · %s · %s": ("Dossier %d · %s %s · %s · %s", "Caso %d · %s %s · %s · %s",
                                  "Caso %d · %s %s · %s · %s"),
    "The new data folder is used after a restart.": (
        "Le nouveau répertoire de données sera utilisé après un redémarrage.",
        "La nueva carpeta de datos se usará tras reiniciar.",
        "A nova pasta de dados será usada após reiniciar."),
    "%d field image(s) saved just before the app stopped were added back to their cases.": (
        "%d image(s) de champ enregistrée(s) juste avant l'arrêt de l'application ont été "
        "réintégrée(s) à leur dossier.",
        "%d imagen(es) de campo guardada(s) justo antes de que se cerrara la aplicación se han "
        "vuelto a añadir a sus casos.",
        "%d imagem(ns) de campo salva(s) pouco antes de o aplicativo parar foi(ram) "
        "readicionada(s) aos respectivos casos."),
    "%d field image(s) are missing from the data folder.": (
        "%d image(s) de champ manquante(s) dans le répertoire de données.",
        "Faltan %d imagen(es) de campo en la carpeta de datos.",
        "Faltam %d imagem(ns) de campo na pasta de dados."),
    "Unreadable files: %s": ("Fichiers illisibles : %s", "Archivos ilegibles: %s",
                             "Arquivos ilegíveis: %s"),
    "Recovery": ("Récupération", "Recuperación", "Recuperação"),
    "Create or open a case to capture fields.": (
        "Créez ou ouvrez un dossier pour acquérir des champs.",
        "Cree o abra un caso para capturar campos.",
        "Crie ou abra um caso para capturar campos."),

    # --- log-in and first account -------------------------------------------------------------
    "Log in": ("Connexion", "Iniciar sesión", "Entrar"),
    "Log in to work on cases.": ("Connectez-vous pour travailler sur les dossiers.",
                                 "Inicie sesión para trabajar con los casos.",
                                 "Faça login para trabalhar nos casos."),
    "Create the first account": ("Créer le premier compte", "Crear la primera cuenta",
                                 "Criar a primeira conta"),
    "No user account exists in this data folder yet. Create the first one: every change and "
    "every sign-off is recorded under a user's name.": (
        "Aucun compte utilisateur n'existe encore dans ce répertoire de données. Créez le "
        "premier : chaque modification et chaque validation sont enregistrées au nom d'un "
        "utilisateur.",
        "Todavía no existe ninguna cuenta de usuario en esta carpeta de datos. Cree la primera: "
        "cada cambio y cada validación se registran con el nombre de un usuario.",
        "Ainda não existe nenhuma conta de usuário nesta pasta de dados. Crie a primeira: cada "
        "alteração e cada validação ficam registradas em nome de um usuário."),
    "Create account": ("Créer le compte", "Crear cuenta", "Criar conta"),
    "User name": ("Nom d'utilisateur", "Nombre de usuario", "Nome de usuário"),
    "Full name": ("Nom complet", "Nombre completo", "Nome completo"),
    "Password": ("Mot de passe", "Contraseña", "Senha"),
    "Repeat password": ("Confirmer le mot de passe", "Repita la contraseña", "Repita a senha"),
    "at least %d characters": ("au moins %d caractères", "al menos %d caracteres",
                               "pelo menos %d caracteres"),
    "The two passwords differ.": ("Les deux mots de passe sont différents.",
                                  "Las dos contraseñas no coinciden.",
                                  "As duas senhas não coincidem."),

    # --- cases page and new case --------------------------------------------------------------
    "New case…": ("Nouveau dossier…", "Nuevo caso…", "Novo caso…"),
    "Open": ("Ouvrir", "Abrir", "Abrir"),
    "All statuses": ("Tous les statuts", "Todos los estados", "Todos os status"),
    "Analysed": ("Analysé", "Analizado", "Analisado"),
    "Signed": ("Signé", "Firmado", "Assinado"),
    "from": ("du", "desde", "de"),
    "to": ("au", "hasta", "até"),
    "Search patient ID, name, case number or date (YYYY-MM-DD)": (
        "Rechercher par identifiant patient, nom, n° de dossier ou date (AAAA-MM-JJ)",
        "Buscar por ID del paciente, nombre, n.º de caso o fecha (AAAA-MM-DD)",
        "Procurar por ID do paciente, nome, nº do caso ou data (AAAA-MM-DD)"),
    "Search cases": ("Rechercher des dossiers", "Buscar casos", "Procurar casos"),
    "No cases yet. Press “New case…” to start one.": (
        "Aucun dossier pour l'instant. Cliquez sur « Nouveau dossier… » pour en créer un.",
        "Aún no hay casos. Pulse «Nuevo caso…» para crear uno.",
        "Ainda não há casos. Clique em “Novo caso…” para criar um."),
    "Cases": ("Dossiers", "Casos", "Casos"),
    "No case matches “%s”.": ("Aucun dossier ne correspond à « %s ».",
                              "Ningún caso coincide con «%s».",
                              "Nenhum caso corresponde a “%s”."),
    "New case": ("Nouveau dossier", "Nuevo caso", "Novo caso"),
    "required": ("obligatoire", "obligatorio", "obrigatório"),
    "the lab's case number (optional)": ("numéro de dossier du laboratoire (facultatif)",
                                         "número de caso del laboratorio (opcional)",
                                         "número do caso no laboratório (opcional)"),
    "YYYY-MM-DD (optional; wins over age)": ("AAAA-MM-JJ (facultatif ; prioritaire sur l'âge)",
                                             "AAAA-MM-DD (opcional; prevalece sobre la edad)",
                                             "AAAA-MM-DD (opcional; prevalece sobre a idade)"),
    "years, e.g. 42": ("ans, p. ex. 42", "años, p. ej., 42", "anos, p. ex. 42"),
    "unknown": ("inconnu", "desconocido", "desconhecido"),
    "female": ("féminin", "femenino", "feminino"),
    "male": ("masculin", "masculino", "masculino"),
    "other": ("autre", "otro", "outro"),
    # The code (PB, BM) is what the case stores and shows elsewhere: it stays.
    "PB — peripheral blood": ("PB — sang périphérique", "PB — sangre periférica",
                              "PB — sangue periférico"),
    "BM — bone marrow": ("BM — moelle osseuse", "BM — médula ósea", "BM — medula óssea"),
    "Patient ID": ("Identifiant patient", "ID del paciente", "ID do paciente"),
    "Name": ("Nom", "Nombre", "Nome"),
    "Accession no.": ("N° de demande", "N.º de petición", "Nº da requisição"),
    "Age": ("Âge", "Edad", "Idade"),
    "Date of birth": ("Date de naissance", "Fecha de nacimiento", "Data de nascimento"),
    "Sex": ("Sexe", "Sexo", "Sexo"),
    "Sample type": ("Type de prélèvement", "Tipo de muestra", "Tipo de amostra"),
    "Operator": ("Opérateur", "Operador", "Operador"),
    "Notes": ("Notes", "Notas", "Observações"),
    "Create case": ("Créer le dossier", "Crear caso", "Criar caso"),
    "Enter the patient ID.": ("Saisissez l'identifiant du patient.",
                              "Introduzca el ID del paciente.", "Digite o ID do paciente."),
    "Date of birth should be a past date, YYYY-MM-DD.": (
        "La date de naissance doit être une date passée, au format AAAA-MM-JJ.",
        "La fecha de nacimiento debe ser una fecha pasada, en formato AAAA-MM-DD.",
        "A data de nascimento deve ser uma data passada, no formato AAAA-MM-DD."),
    "Notes are limited to %d characters.": ("Les notes sont limitées à %d caractères.",
                                            "Las notas están limitadas a %d caracteres.",
                                            "As observações estão limitadas a %d caracteres."),
    "Age should be a number of years (0-130).": ("L'âge doit être un nombre d'années (0-130).",
                                                 "La edad debe ser un número de años (0-130).",
                                                 "A idade deve ser um número de anos (0-130)."),

    # --- capture: acquisition page and capture panel ------------------------------------------
    "Start preview": ("Démarrer l'aperçu", "Iniciar vista previa", "Iniciar pré-visualização"),
    "Stop preview": ("Arrêter l'aperçu", "Detener vista previa", "Parar pré-visualização"),
    "Preview stopped.": ("Aperçu arrêté.", "Vista previa detenida.",
                         "Pré-visualização parada."),
    "Source": ("Source", "Fuente", "Origem"),
    "Resolution": ("Résolution", "Resolución", "Resolução"),
    "Choose a source and press Start preview.\nYou can also drop image files or folders here.": (
        "Choisissez une source et cliquez sur Démarrer l'aperçu.\nVous pouvez aussi déposer "
        "ici des fichiers ou des répertoires d'images.",
        "Elija una fuente y pulse Iniciar vista previa.\nTambién puede soltar aquí archivos o "
        "carpetas de imágenes.",
        "Escolha uma origem e clique em Iniciar pré-visualização.\nTambém é possível soltar "
        "aqui arquivos ou pastas de imagens."),
    "Camera %d": ("Caméra %d", "Cámara %d", "Câmera %d"),
    "Image folder (no camera)…": ("Répertoire d'images (sans caméra)…",
                                  "Carpeta de imágenes (sin cámara)…",
                                  "Pasta de imagens (sem câmera)…"),
    "Video file (no camera)…": ("Fichier vidéo (sans caméra)…",
                                "Archivo de vídeo (sin cámara)…",
                                "Arquivo de vídeo (sem câmera)…"),
    "No camera found. Plug in the microscope camera, or choose an image folder or a video file "
    "as the source and press Start preview.\n\nYou can also drop image files or folders here "
    "to import them.": (
        "Aucune caméra détectée. Branchez la caméra du microscope, ou choisissez comme source "
        "un répertoire d'images ou un fichier vidéo, puis cliquez sur Démarrer l'aperçu.\n\n"
        "Vous pouvez aussi déposer ici des fichiers ou des répertoires d'images pour les "
        "importer.",
        "No se encontró ninguna cámara. Conecte la cámara del microscopio, o elija como fuente "
        "una carpeta de imágenes o un archivo de vídeo y pulse Iniciar vista previa.\n\n"
        "También puede soltar aquí archivos o carpetas de imágenes para importarlos.",
        "Nenhuma câmera encontrada. Conecte a câmera do microscópio, ou escolha como origem uma "
        "pasta de imagens ou um arquivo de vídeo e clique em Iniciar pré-visualização.\n\n"
        "Também é possível soltar aqui arquivos ou pastas de imagens para importá-los."),
    "Folder of field images": ("Répertoire des images de champs",
                               "Carpeta de imágenes de campos", "Pasta de imagens de campos"),
    "Video file": ("Fichier vidéo", "Archivo de vídeo", "Arquivo de vídeo"),
    "Videos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)": (
        "Vidéos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)",
        "Vídeos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)",
        "Vídeos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)"),
    "Opening %s…": ("Ouverture de %s…", "Abriendo %s…", "Abrindo %s…"),
    "%d fps": ("%d fps", "%d fps", "%d fps"),
    "Camera disconnected: %s. Reconnecting… The %d field(s) of this case are saved.": (
        "Caméra déconnectée : %s. Reconnexion… Les %d champ(s) de ce dossier sont enregistrés.",
        "Cámara desconectada: %s. Reconectando… Los %d campo(s) de este caso están guardados.",
        "Câmera desconectada: %s. Reconectando… Os %d campo(s) deste caso estão salvos."),
    "Waiting for the camera to come back…": ("En attente du retour de la caméra…",
                                             "Esperando a que vuelva la cámara…",
                                             "Aguardando a câmera voltar…"),
    "No picture": ("Pas d'image", "Sin imagen", "Sem imagem"),
    "Cannot open the source: %s": ("Impossible d'ouvrir la source : %s",
                                   "No se puede abrir la fuente: %s",
                                   "Não é possível abrir a origem: %s"),
    "Create or open a case before capturing.": ("Créez ou ouvrez un dossier avant l'acquisition.",
                                                "Cree o abra un caso antes de capturar.",
                                                "Crie ou abra um caso antes de capturar."),
    "No picture to capture: start the preview first.": (
        "Aucune image à acquérir : démarrez d'abord l'aperçu.",
        "No hay imagen que capturar: inicie primero la vista previa.",
        "Não há imagem para capturar: inicie primeiro a pré-visualização."),
    "Field %d captured.": ("Champ %d acquis.", "Campo %d capturado.", "Campo %d capturado."),
    "Image quality": ("Qualité d'image", "Calidad de imagen", "Qualidade da imagem"),
    "Exposure: —": ("Exposition : —", "Exposición: —", "Exposição: —"),
    "Exposure: %.0f%% black, %.0f%% white": ("Exposition : %.0f %% noir, %.0f %% blanc",
                                             "Exposición: %.0f %% negro, %.0f %% blanco",
                                             "Exposição: %.0f%% preto, %.0f%% branco"),
    "Focus: —": ("Mise au point : —", "Enfoque: —", "Foco: —"),
    "Focus: %.0f": ("Mise au point : %.0f", "Enfoque: %.0f", "Foco: %.0f"),
    "Not usable: %s": ("Inutilisable : %s", "No utilizable: %s", "Não utilizável: %s"),
    "Good to capture": ("Prêt pour l'acquisition", "Listo para capturar", "Pronto para capturar"),
    "Capture field  [Space]": ("Acquérir le champ  [Espace]", "Capturar campo  [Espacio]",
                               "Capturar campo  [Espaço]"),
    "White cells counted": ("Leucocytes comptés", "Leucocitos contados", "Leucócitos contados"),
    "%v of %m cells": ("%v sur %m cellules", "%v de %m células", "%v de %m células"),
    "%v of %m": ("%v sur %m", "%v de %m", "%v de %m"),
    "Target reached: go to Review.": ("Objectif atteint : passez à l'onglet Revue.",
                                      "Objetivo alcanzado: pase a Revisión.",
                                      "Meta atingida: passe para Revisão."),
    "No case open.": ("Aucun dossier ouvert.", "Ningún caso abierto.", "Nenhum caso aberto."),
    "Import images": ("Importer des images", "Importar imágenes", "Importar imagens"),
    "Files…": ("Fichiers…", "Archivos…", "Arquivos…"),
    "Folder…": ("Répertoire…", "Carpeta…", "Pasta…"),
    "Cancel import": ("Annuler l'importation", "Cancelar importación", "Cancelar importação"),
    "…or drop files and folders on this page.": (
        "…ou déposez des fichiers et des répertoires sur cette page.",
        "…o suelte archivos y carpetas en esta página.",
        "…ou solte arquivos e pastas nesta página."),
    "Import the duplicates anyway": ("Importer quand même les doublons",
                                     "Importar los duplicados de todos modos",
                                     "Importar os duplicados mesmo assim"),
    "Import field images": ("Importer des images de champs", "Importar imágenes de campos",
                            "Importar imagens de campos"),
    "Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)": (
        "Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)",
        "Imágenes (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)",
        "Imagens (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)"),
    "Import a folder of images": ("Importer un répertoire d'images",
                                  "Importar una carpeta de imágenes",
                                  "Importar uma pasta de imagens"),
    "Saving %d of %d…": ("Enregistrement %d sur %d…", "Guardando %d de %d…",
                         "Salvando %d de %d…"),
    "%s\n%d field(s)": ("%s\n%d champ(s)", "%s\n%d campo(s)", "%s\n%d campo(s)"),
    ", %d being analysed": (", %d en cours d'analyse", ", %d en análisis", ", %d em análise"),

    # --- import and analysis events -----------------------------------------------------------
    "Open an unsigned case before importing images.": (
        "Ouvrez un dossier non signé avant d'importer des images.",
        "Abra un caso sin firmar antes de importar imágenes.",
        "Abra um caso não assinado antes de importar imagens."),
    "%d image(s) saved.": ("%d image(s) enregistrée(s).", "%d imagen(es) guardada(s).",
                           "%d imagem(ns) salva(s)."),
    "Import cancelled: %d image(s) saved, %d not imported.": (
        "Importation annulée : %d image(s) enregistrée(s), %d non importée(s).",
        "Importación cancelada: %d imagen(es) guardada(s), %d sin importar.",
        "Importação cancelada: %d imagem(ns) salva(s), %d não importada(s)."),
    "%d already in this case (same image), not imported again: %s": (
        "%d déjà dans ce dossier (image identique), non réimportée(s) : %s",
        "%d ya en este caso (misma imagen), no se vuelven a importar: %s",
        "%d já neste caso (mesma imagem), não importada(s) de novo: %s"),
    "%d refused, not a blood film (see Review: analyse anyway is possible): %s": (
        "%d refusée(s), pas un frottis sanguin (voir Revue : « Analyser quand même » reste "
        "possible) : %s",
        "%d rechazada(s), no es un frotis de sangre (vea Revisión: se puede analizar de todos "
        "modos): %s",
        "%d recusada(s), não é um esfregaço de sangue (veja Revisão: é possível analisar mesmo "
        "assim): %s"),
    "%d could not be read: %s": ("%d illisible(s) : %s", "%d no se pudieron leer: %s",
                                 "%d não puderam ser lidas: %s"),
    "Models not loaded": ("Modèles non chargés", "Modelos no cargados",
                          "Modelos não carregados"),
    "the analysis engine stopped; restart the app": (
        "le moteur d'analyse s'est arrêté ; redémarrez l'application",
        "el motor de análisis se detuvo; reinicie la aplicación",
        "o mecanismo de análise parou; reinicie o aplicativo"),
    "Engine stopped": ("Moteur arrêté", "Motor detenido", "Mecanismo parado"),
    "Analysing: %d field(s) waiting": ("Analyse : %d champ(s) en attente",
                                       "Analizando: %d campo(s) en espera",
                                       "Analisando: %d campo(s) na fila"),

    # --- review: fields -----------------------------------------------------------------------
    "Fields": ("Champs", "Campos", "Campos"),
    "Fields of the case": ("Champs du dossier", "Campos del caso", "Campos do caso"),
    "⚠ not analysed": ("⚠ non analysé", "⚠ no analizado", "⚠ não analisado"),
    "analysing…": ("analyse en cours…", "analizando…", "analisando…"),
    "excluded (reviewer)": ("exclu (relecteur)", "excluido (revisor)",
                            "fora da contagem (revisor)"),
    "excluded (quality)": ("exclu (qualité)", "excluido (calidad)",
                           "fora da contagem (qualidade)"),
    "1 cell": ("1 cellule", "1 célula", "1 célula"),
    "%d cells": ("%d cellules", "%d células", "%d células"),
    "Analysed anyway, although refused: %s": ("Analysé quand même, bien que refusé : %s",
                                              "Analizado de todos modos, aunque rechazado: %s",
                                              "Analisado mesmo assim, apesar de recusado: %s"),
    "Excluded by the reviewer: %s": ("Exclu par le relecteur : %s",
                                     "Excluido por el revisor: %s",
                                     "Excluído da contagem pelo revisor: %s"),
    "Excluded from the counts: %s": ("Exclu des comptages : %s",
                                     "Excluido de los recuentos: %s",
                                     "Excluído das contagens: %s"),
    "Exclude…": ("Exclure…", "Excluir…", "Excluir da contagem…"),
    "Include": ("Inclure", "Incluir", "Incluir na contagem"),
    "Leave the field out of the counts (audited)": (
        "Exclure le champ des comptages (action tracée)",
        "Dejar el campo fuera de los recuentos (queda registrado en la auditoría)",
        "Deixar o campo fora das contagens (registrado na auditoria)"),
    "Delete…": ("Supprimer…", "Eliminar…", "Apagar…"),
    "Take the field out of the case (audited; the image is kept in the data folder)": (
        "Retirer le champ du dossier (action tracée ; l'image reste dans le répertoire de "
        "données)",
        "Quitar el campo del caso (queda registrado en la auditoría; la imagen se conserva en la "
        "carpeta de datos)",
        "Retirar o campo do caso (registrado na auditoria; a imagem continua na pasta de dados)"),
    "Re-analyse failed fields": ("Réanalyser les champs en échec", "Reanalizar campos fallidos",
                                 "Reanalisar campos com falha"),
    "Refused (not a blood film)": ("Refusées (pas un frottis sanguin)",
                                   "Rechazadas (no es un frotis de sangre)",
                                   "Recusadas (não é um esfregaço de sangue)"),
    "Images refused by the in-scope check": (
        "Images refusées par le contrôle de recevabilité",
        "Imágenes rechazadas por el control de admisibilidad",
        "Imagens recusadas pela verificação de admissibilidade"),
    "Analyse anyway…": ("Analyser quand même…", "Analizar de todos modos…",
                        "Analisar mesmo assim…"),
    "Analyse the selected refused image although the check says it is not a blood film "
    "(audited, said on the report)": (
        "Analyser l'image refusée sélectionnée bien que le contrôle indique qu'il ne s'agit pas "
        "d'un frottis sanguin (action tracée, mentionnée dans le compte rendu)",
        "Analizar la imagen rechazada seleccionada aunque el control indique que no es un frotis "
        "de sangre (queda registrado en la auditoría y se indica en el informe)",
        "Analisar a imagem recusada selecionada, embora a verificação indique que não é um "
        "esfregaço de sangue (registrado na auditoria e informado no relatório)"),
    "No fields yet: capture or import some first.": (
        "Aucun champ pour l'instant : acquérez-en ou importez-en d'abord.",
        "Aún no hay campos: capture o importe algunos primero.",
        "Ainda não há campos: capture ou importe alguns primeiro."),
    "%d field(s) still being analysed.": ("%d champ(s) encore en cours d'analyse.",
                                          "%d campo(s) aún en análisis.",
                                          "%d campo(s) ainda em análise."),
    "%d field(s) could not be analysed: re-run them (Review > Re-analyse failed) first.": (
        "%d champ(s) n'ont pas pu être analysés : relancez-les d'abord (Revue > Réanalyser les "
        "champs en échec).",
        "%d campo(s) no se pudieron analizar: vuelva a analizarlos primero (Revisión > "
        "Reanalizar campos fallidos).",
        "%d campo(s) não puderam ser analisados: reanalise-os primeiro (Revisão > Reanalisar "
        "campos com falha)."),

    # --- review: field image, cells and their edits -------------------------------------------
    "Field image": ("Image du champ", "Imagen del campo", "Imagem do campo"),
    "Cell gallery": ("Galerie des cellules", "Galería de células", "Galeria de células"),
    "Review tools": ("Outils de revue", "Herramientas de revisión", "Ferramentas de revisão"),
    "Outlines": ("Contours", "Contornos", "Contornos"),
    "Outlines and labels": ("Contours et étiquettes", "Contornos y etiquetas",
                            "Contornos e rótulos"),
    "Heat map": ("Carte de chaleur", "Mapa de calor", "Mapa de calor"),
    "Heat maps exist only for fields analysed since the case was opened.": (
        "Les cartes de chaleur n'existent que pour les champs analysés depuis l'ouverture du "
        "dossier.",
        "Los mapas de calor solo existen para los campos analizados desde que se abrió el caso.",
        "Os mapas de calor só existem para os campos analisados desde que o caso foi aberto."),
    "Zoom +": ("Zoom +", "Zoom +", "Zoom +"),
    "Zoom −": ("Zoom −", "Zoom −", "Zoom −"),
    "Fit": ("Ajuster", "Ajustar", "Ajustar"),
    "Add cell": ("Ajouter une cellule", "Añadir célula", "Adicionar célula"),
    "Draw the box of a missed cell on the field": (
        "Tracer le cadre d'une cellule non détectée sur le champ",
        "Dibujar el recuadro de una célula no detectada en el campo",
        "Desenhar o quadro de uma célula não detectada no campo"),
    "Cell added: press its class key.": ("Cellule ajoutée : appuyez sur la touche de sa classe.",
                                         "Célula añadida: pulse la tecla de su clase.",
                                         "Célula adicionada: pressione a tecla da classe."),
    "Remove [Del]": ("Retirer [Suppr]", "Quitar [Supr]", "Remover [Del]"),
    "Remove the selected cells as false detections": (
        "Retirer les cellules sélectionnées comme fausses détections",
        "Quitar las células seleccionadas como falsas detecciones",
        "Remover as células selecionadas como falsas detecções"),
    "Unidentified [0]": ("Non identifiée [0]", "No identificada [0]", "Não identificada [0]"),
    "Signed: read-only. Reopen the case to change labels.": (
        "Signé : lecture seule. Rouvrez le dossier pour modifier les étiquettes.",
        "Firmado: solo lectura. Reabra el caso para cambiar las etiquetas.",
        "Assinado: somente leitura. Reabra o caso para alterar os rótulos."),
    "Signed case": ("Dossier signé", "Caso firmado", "Caso assinado"),
    "This case is signed. Reopen it (the reopening is audited) to change it.": (
        "Ce dossier est signé. Rouvrez-le (la réouverture est tracée) pour le modifier.",
        "Este caso está firmado. Reábralo (la reapertura queda registrada) para modificarlo.",
        "Este caso está assinado. Reabra-o (a reabertura fica registrada) para alterá-lo."),
    "Reclassify": ("Reclasser", "Reclasificar", "Reclassificar"),
    "%d cell(s) marked %s": ("%d cellule(s) classée(s) %s", "%d célula(s) marcada(s) como %s",
                             "%d célula(s) marcada(s) como %s"),
    "Remove cells": ("Retirer des cellules", "Quitar células", "Remover células"),
    "%d cell(s) removed as false detections (Edit > Undo brings them back)": (
        "%d cellule(s) retirée(s) comme fausses détections (Édition > Annuler les rétablit)",
        "%d célula(s) quitada(s) como falsas detecciones (Editar > Deshacer las recupera)",
        "%d célula(s) removida(s) como falsas detecções (Editar > Desfazer as restaura)"),
    "Include field": ("Inclure le champ", "Incluir campo", "Incluir campo na contagem"),
    "Exclude field": ("Exclure le champ", "Excluir campo", "Excluir campo da contagem"),
    "Why is %s left out of the counts?": ("Pourquoi exclure %s des comptages ?",
                                          "¿Por qué se excluye %s de los recuentos?",
                                          "Por que %s fica fora das contagens?"),
    "Delete field": ("Supprimer le champ", "Eliminar campo", "Apagar campo"),
    "Take %s out of this case? The image stays in the data folder and the audit log records "
    "it; Edit > Undo brings it back.": (
        "Retirer %s de ce dossier ? L'image reste dans le répertoire de données et le journal "
        "d'audit l'enregistre ; Édition > Annuler le rétablit.",
        "¿Quitar %s de este caso? La imagen se conserva en la carpeta de datos y el registro de "
        "auditoría lo anota; Editar > Deshacer lo recupera.",
        "Retirar %s deste caso? A imagem continua na pasta de dados e o registro de auditoria "
        "anota a operação; Editar > Desfazer o restaura."),
    "Field %s deleted from the case.": ("Champ %s supprimé du dossier.",
                                        "Campo %s eliminado del caso.",
                                        "Campo %s apagado do caso."),
    "added by reviewer: %s": ("ajoutée par le relecteur : %s", "añadida por el revisor: %s",
                              "adicionada pelo revisor: %s"),
    "reviewed: %s (model: %s %s)": ("vérifiée : %s (modèle : %s %s)",
                                    "revisada: %s (modelo: %s %s)",
                                    "revisada: %s (modelo: %s %s)"),
    "✓ confirmed (model %s)": ("✓ confirmée (modèle %s)", "✓ confirmada (modelo %s)",
                               "✓ confirmada (modelo %s)"),
    "%s, cell %d: %s": ("%s, cellule %d : %s", "%s, célula %d: %s", "%s, célula %d: %s"),
    "Cells: %s": ("Cellules : %s", "Células: %s", "Células: %s"),
    "none (drop cells here)": ("aucune (déposez des cellules ici)",
                               "ninguna (suelte células aquí)",
                               "nenhuma (solte células aqui)"),

    # --- review: summary and sign-off ---------------------------------------------------------
    "Flags": ("Alertes", "Alertas", "Alertas"),
    "No flags.": ("Aucune alerte.", "Sin alertas.", "Sem alertas."),
    "ALL screen result": ("Résultat du dépistage ALL", "Resultado del cribado de ALL",
                          "Resultado da triagem de ALL"),
    "Differential (% of white cells; green: adult range)": (
        "Formule leucocytaire (% des leucocytes ; vert : valeurs de référence de l'adulte)",
        "Fórmula leucocitaria (% de leucocitos; verde: intervalo de referencia del adulto)",
        "Leucograma diferencial (% dos leucócitos; verde: faixa de referência do adulto)"),
    "No cells counted yet": ("Aucune cellule comptée pour l'instant",
                             "Aún no se han contado células", "Nenhuma célula contada ainda"),
    "No results yet.": ("Aucun résultat pour l'instant.", "Aún no hay resultados.",
                        "Ainda não há resultados."),
    "%d of %d cells counted · %d/%d fields used · %d unidentified": (
        "%d cellules comptées sur %d · %d/%d champs utilisés · %d non identifiée(s)",
        "%d de %d células contadas · %d/%d campos utilizados · %d no identificadas",
        "%d de %d células contadas · %d/%d campos utilizados · %d não identificadas"),
    "blasts: %d (%.0f%% of white cells)": ("blastes : %d (%.0f %% des leucocytes)",
                                           "blastos: %d (%.0f %% de los leucocitos)",
                                           "blastos: %d (%.0f%% dos leucócitos)"),
    "field model: not applicable": ("modèle de champ : non applicable",
                                    "modelo de campo: no aplicable",
                                    "modelo de campo: não aplicável"),
    "field model: malignant probability %.0f%%": (
        "modèle de champ : probabilité de malignité %.0f %%",
        "modelo de campo: probabilidad de malignidad %.0f %%",
        "modelo de campo: probabilidade de malignidade %.0f%%"),
    "ALL SUSPECTED — %s; %s\n(screening aid: confirm by morphology and flow cytometry)": (
        "SUSPICION D'ALL — %s ; %s\n(aide au dépistage : à confirmer par l'examen morphologique "
        "et la cytométrie en flux)",
        "SOSPECHA DE ALL — %s; %s\n(ayuda al cribado: confirmar por morfología y citometría de "
        "flujo)",
        "SUSPEITA DE ALL — %s; %s\n(auxílio à triagem: confirmar por morfologia e citometria de "
        "fluxo)"),
    "ALL screen: review needed — %s; %s": ("Dépistage ALL : revue nécessaire — %s ; %s",
                                           "Cribado de ALL: revisión necesaria — %s; %s",
                                           "Triagem de ALL: revisão necessária — %s; %s"),
    "ALL screen not applicable: no usable field could be classified; %s": (
        "Dépistage ALL non applicable : aucun champ exploitable n'a pu être classé ; %s",
        "Cribado de ALL no aplicable: no se pudo clasificar ningún campo utilizable; %s",
        "Triagem de ALL não aplicável: nenhum campo utilizável pôde ser classificado; %s"),
    "ALL screen negative — %s; %s": ("Dépistage ALL négatif — %s ; %s",
                                     "Cribado de ALL negativo — %s; %s",
                                     "Triagem de ALL negativa — %s; %s"),
    "Sign-off": ("Validation", "Validación", "Validação"),
    "not logged in": ("non connecté", "sin sesión iniciada", "não conectado"),
    "Logged-in user": ("Utilisateur connecté", "Usuario conectado", "Usuário conectado"),
    "Logged-in user: changes are recorded under this name": (
        "Utilisateur connecté : les modifications sont enregistrées sous ce nom",
        "Usuario conectado: los cambios se registran con este nombre",
        "Usuário conectado: as alterações são registradas com este nome"),
    "Sign case": ("Signer le dossier", "Firmar el caso", "Assinar o caso"),
    "Sign case…": ("Signer le dossier…", "Firmar el caso…", "Assinar o caso…"),
    "Reopen…": ("Rouvrir…", "Reabrir…", "Reabrir…"),
    "Summary to confirm": ("Résumé à confirmer", "Resumen a confirmar", "Resumo a confirmar"),
    "Sign": ("Signer", "Firmar", "Assinar"),
    "You are signing this case:": ("Vous signez ce dossier :", "Está firmando este caso:",
                                   "Você está assinando este caso:"),
    "Signing and archiving the report…": ("Signature et archivage du compte rendu…",
                                          "Firmando y archivando el informe…",
                                          "Assinando e arquivando o relatório…"),
    "Not signed: %s": ("Non signé : %s", "No firmado: %s", "Não assinado: %s"),
    "Log in to sign.": ("Connectez-vous pour signer.", "Inicie sesión para firmar.",
                        "Faça login para assinar."),
    "Signed by %s on %s. Read-only: reopen to change.": (
        "Signé par %s le %s. Lecture seule : rouvrez pour modifier.",
        "Firmado por %s el %s. Solo lectura: reabra para modificar.",
        "Assinado por %s em %s. Somente leitura: reabra para alterar."),
    "Amendment %d signed by %s; both versions of the report are kept.": (
        "Rectificatif %d signé par %s ; les deux versions du compte rendu sont conservées.",
        "Rectificación %d firmada por %s; se conservan las dos versiones del informe.",
        "Retificação %d assinada por %s; as duas versões do relatório são mantidas."),
    "Case signed by %s; the report is archived.": (
        "Dossier signé par %s ; le compte rendu est archivé.",
        "Caso firmado por %s; el informe queda archivado.",
        "Caso assinado por %s; o relatório foi arquivado."),
    "Reopen case": ("Rouvrir le dossier", "Reabrir el caso", "Reabrir o caso"),
    "Why is the signed case reopened?": ("Pourquoi rouvrir ce dossier signé ?",
                                         "¿Por qué se reabre el caso firmado?",
                                         "Por que o caso assinado está sendo reaberto?"),
    "Case reopened: signing again archives an amendment; the signed versions are kept.": (
        "Dossier rouvert : une nouvelle signature archivera un rectificatif ; les versions "
        "signées sont conservées.",
        "Caso reabierto: al volver a firmar se archiva una rectificación; las versiones "
        "firmadas se conservan.",
        "Caso reaberto: ao assinar de novo, uma retificação é arquivada; as versões assinadas "
        "são mantidas."),

    # --- report page --------------------------------------------------------------------------
    # Not words: the language of the PDF report's fixed texts (clinic_app/report/i18n.py).
    "en": ("fr", "es", "pt"),
    "Refresh preview": ("Actualiser l'aperçu", "Actualizar vista previa",
                        "Atualizar pré-visualização"),
    "Save PDF…": ("Enregistrer le PDF…", "Guardar PDF…", "Salvar PDF…"),
    "Print…": ("Imprimer…", "Imprimir…", "Imprimir…"),
    "Open in PDF viewer": ("Ouvrir dans la visionneuse PDF", "Abrir en el visor de PDF",
                           "Abrir no visualizador de PDF"),
    "Export CSV…": ("Exporter en CSV…", "Exportar CSV…", "Exportar CSV…"),
    "Export FHIR JSON…": ("Exporter en FHIR JSON…", "Exportar FHIR JSON…",
                          "Exportar FHIR JSON…"),
    "Export HL7…": ("Exporter en HL7…", "Exportar HL7…", "Exportar HL7…"),
    "Open a case to see its report.": ("Ouvrez un dossier pour voir son compte rendu.",
                                       "Abra un caso para ver su informe.",
                                       "Abra um caso para ver o relatório."),
    "Opening the signed report…": ("Ouverture du compte rendu signé…",
                                   "Abriendo el informe firmado…",
                                   "Abrindo o relatório assinado…"),
    "Building the report…": ("Génération du compte rendu…", "Generando el informe…",
                             "Gerando o relatório…"),
    " (no preview: pdftoppm is not installed; use Open in PDF viewer)": (
        " (pas d'aperçu : pdftoppm n'est pas installé ; utilisez Ouvrir dans la visionneuse PDF)",
        " (sin vista previa: pdftoppm no está instalado; use Abrir en el visor de PDF)",
        " (sem pré-visualização: o pdftoppm não está instalado; use Abrir no visualizador de "
        "PDF)"),
    "Report (preliminary until signed): %s%s": (
        "Compte rendu (provisoire jusqu'à la signature) : %s%s",
        "Informe (provisional hasta la firma): %s%s",
        "Relatório (preliminar até ser assinado): %s%s"),
    "amendment %d": ("rectificatif %d", "rectificación %d", "retificação %d"),
    "version 1": ("version 1", "versión 1", "versão 1"),
    " — WARNING: the file no longer matches its recorded sha256": (
        " — ATTENTION : le fichier ne correspond plus à son sha256 enregistré",
        " — AVISO: el archivo ya no coincide con su sha256 registrado",
        " — AVISO: o arquivo não corresponde mais ao sha256 registrado"),
    "Signed report, %s, archived (sha256 %s…): %s%s%s": (
        "Compte rendu signé, %s, archivé (sha256 %s…) : %s%s%s",
        "Informe firmado, %s, archivado (sha256 %s…): %s%s%s",
        "Relatório assinado, %s, arquivado (sha256 %s…): %s%s%s"),
    "The report could not be written: %s": ("Le compte rendu n'a pas pu être écrit : %s",
                                             "No se pudo escribir el informe: %s",
                                             "Não foi possível gravar o relatório: %s"),
    "Save report": ("Enregistrer le compte rendu", "Guardar informe", "Salvar relatório"),
    "PDF (*.pdf)": ("PDF (*.pdf)", "PDF (*.pdf)", "PDF (*.pdf)"),
    "Report saved to %s": ("Compte rendu enregistré dans %s", "Informe guardado en %s",
                           "Relatório salvo em %s"),
    "Printing through the system PDF viewer.": ("Impression via la visionneuse PDF du système.",
                                                "Impresión mediante el visor de PDF del sistema.",
                                                "Imprimindo pelo visualizador de PDF do sistema."),
    "Preparing the pages for the printer…": ("Préparation des pages pour l'imprimante…",
                                             "Preparando las páginas para la impresora…",
                                             "Preparando as páginas para a impressora…"),
    # Goes into "%d page(s) sent to %s." below.
    "the printer": ("l'imprimante", "la impresora", "a impressora"),
    "%d page(s) sent to %s.": ("%d page(s) envoyée(s) à %s.", "%d página(s) enviada(s) a %s.",
                               "%d página(s) enviada(s) para %s."),
    "Nothing was printed: the printer could not be opened.": (
        "Rien n'a été imprimé : l'imprimante n'a pas pu être ouverte.",
        "No se imprimió nada: no se pudo abrir la impresora.",
        "Nada foi impresso: não foi possível abrir a impressora."),
    "Printing failed: %s": ("Échec de l'impression : %s", "Error de impresión: %s",
                            "Falha na impressão: %s"),
    "CSV (*.csv)": ("CSV (*.csv)", "CSV (*.csv)", "CSV (*.csv)"),
    "HL7 v2 (*.hl7)": ("HL7 v2 (*.hl7)", "HL7 v2 (*.hl7)", "HL7 v2 (*.hl7)"),
    "FHIR JSON (*.json)": ("FHIR JSON (*.json)", "FHIR JSON (*.json)", "FHIR JSON (*.json)"),
    "Export": ("Exporter", "Exportar", "Exportar"),
    "Exported %s": ("Exporté : %s", "Exportado: %s", "Exportado: %s"),

    # --- settings -----------------------------------------------------------------------------
    "Settings": ("Paramètres", "Configuración", "Configurações"),
    "Data folder": ("Répertoire des données", "Carpeta de datos", "Pasta de dados"),
    "Cases and images are kept here; a change takes effect after a restart.": (
        "Les dossiers et les images sont conservés ici ; un changement prend effet après un "
        "redémarrage.",
        "Los casos y las imágenes se guardan aquí; un cambio se aplica tras reiniciar.",
        "Os casos e as imagens ficam aqui; uma alteração vale após reiniciar."),
    "Backend": ("Moteur de calcul", "Motor de cálculo", "Mecanismo de cálculo"),
    "Detecting accelerators…": ("Détection des accélérateurs…", "Detectando aceleradores…",
                                "Detectando aceleradores…"),
    "Detected": ("Détectés", "Detectados", "Detectados"),
    "In use": ("Utilisé", "En uso", "Em uso"),
    "models not loaded": ("modèles non chargés", "modelos no cargados",
                          "modelos não carregados"),
    "automatic": ("automatique", "automático", "automático"),
    "CPU threads": ("Threads CPU", "Hilos de CPU", "Threads de CPU"),
    "Scale": ("Échelle", "Escala", "Escala"),
    "Estimate from red-cell size": ("Estimer d'après la taille des hématies",
                                    "Estimar a partir del tamaño de los hematíes",
                                    "Estimar pelo tamanho das hemácias"),
    "100 cells": ("100 cellules", "100 células", "100 células"),
    "200 cells": ("200 cellules", "200 células", "200 células"),
    "Count target": ("Objectif de comptage", "Objetivo de recuento", "Meta de contagem"),
    "Lab name (report)": ("Nom du laboratoire (compte rendu)",
                          "Nombre del laboratorio (informe)",
                          "Nome do laboratório (relatório)"),
    "Lab logo (report)": ("Logo du laboratoire (compte rendu)",
                          "Logotipo del laboratorio (informe)",
                          "Logotipo do laboratório (relatório)"),
    "Lab logo": ("Logo du laboratoire", "Logotipo del laboratorio", "Logotipo do laboratório"),
    "Language": ("Langue", "Idioma", "Idioma"),
    "A new language takes effect after a restart.": (
        "Une nouvelle langue prend effet après un redémarrage.",
        "Un nuevo idioma se aplica tras reiniciar.",
        "Um novo idioma vale após reiniciar."),
    "Browse…": ("Parcourir…", "Examinar…", "Procurar…"),
    "Images (*.png *.jpg *.jpeg)": ("Images (*.png *.jpg *.jpeg)",
                                    "Imágenes (*.png *.jpg *.jpeg)",
                                    "Imagens (*.png *.jpg *.jpeg)"),

    # --- about --------------------------------------------------------------------------------
    "About Blood smear screening": ("À propos de Dépistage sur frottis sanguin",
                                    "Acerca de Cribado en frotis de sangre",
                                    "Sobre Triagem em esfregaço de sangue"),
    "a screening aid for trained laboratory staff: white-cell differential and acute "
    "lymphoblastic leukaemia (ALL) screening of stained blood films. It is not a diagnosis; "
    "every finding must be confirmed by microscopy of the stained smear by a qualified person. "
    "Images that are not blood films are refused.": (
        "une aide au dépistage destinée au personnel de laboratoire qualifié : formule "
        "leucocytaire et dépistage de la leucémie aiguë lymphoblastique (ALL) sur frottis "
        "sanguins colorés. Ce n'est pas un diagnostic ; tout résultat doit être confirmé par "
        "l'examen microscopique du frottis coloré par une personne qualifiée. Les images qui ne "
        "sont pas des frottis sanguins sont refusées.",
        "una ayuda al cribado para personal de laboratorio cualificado: fórmula leucocitaria y "
        "cribado de leucemia linfoblástica aguda (ALL) en frotis de sangre teñidos. No es un "
        "diagnóstico; todo hallazgo debe confirmarlo una persona cualificada mediante el examen "
        "microscópico del frotis teñido. Las imágenes que no son frotis de sangre se rechazan.",
        "um auxílio à triagem para profissionais de laboratório capacitados: leucograma "
        "diferencial e triagem de leucemia linfoblástica aguda (ALL) em esfregaços de sangue "
        "corados. Não é um diagnóstico; todo achado deve ser confirmado por uma pessoa "
        "qualificada, por microscopia do esfregaço corado. Imagens que não são esfregaços de "
        "sangue são recusadas."),
    "Intended use": ("Usage prévu", "Uso previsto", "Uso pretendido"),
    "Models": ("Modèles", "Modelos", "Modelos"),
    "Runs offline: nothing is sent over the network.": (
        "Fonctionne hors ligne : rien n'est envoyé sur le réseau.",
        "Funciona sin conexión: no se envía nada por la red.",
        "Funciona offline: nada é enviado pela rede."),
    "About this application": ("À propos de cette application", "Acerca de esta aplicación",
                               "Sobre este aplicativo"),
    # --- sign-off summary (ui/signoff.py summary_lines) -------------------------------------------
    "White cells counted: %d of %d target": ("Leucocytes comptés : %d sur un objectif de %d",
                                             "Leucocitos contados: %d de un objetivo de %d",
                                             "Leucócitos contados: %d de uma meta de %d"),
    "BELOW TARGET": ("SOUS L'OBJECTIF", "POR DEBAJO DEL OBJETIVO", "ABAIXO DA META"),
    "Unidentified cells: %d": ("Cellules non identifiées : %d", "Células no identificadas: %d",
                               "Células não identificadas: %d"),
    "Fields used: %d of %d; excluded by the reviewer: %d": (
        "Champs utilisés : %d sur %d ; exclus par le relecteur : %d",
        "Campos utilizados: %d de %d; excluidos por el revisor: %d",
        "Campos utilizados: %d de %d; excluídos da contagem pelo revisor: %d"),
    "Blasts: %d": ("Blastes : %d", "Blastos: %d", "Blastos: %d"),
    "Flags: none": ("Alertes : aucune", "Alertas: ninguna", "Alertas: nenhuma"),
    "Flags:": ("Alertes :", "Alertas:", "Alertas:"),
}
