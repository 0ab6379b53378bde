"""Fill the visible strings of the .ts files (menus, tabs, main buttons); the rest stays
unfinished and shows in English."""
import sys
import xml.etree.ElementTree as ET

T = {  # source: (fr, es, pt)
 "&File": ("&Fichier", "&Archivo", "&Arquivo"),
 "&Edit": ("É&dition", "&Editar", "&Editar"),
 "&Help": ("&Aide", "A&yuda", "A&juda"),
 "&New case…": ("&Nouveau dossier…", "&Nuevo caso…", "&Novo caso…"),
 "&Find case…": ("&Rechercher un dossier…", "&Buscar caso…", "&Procurar caso…"),
 "&Import images…": ("&Importer des images…", "&Importar imágenes…", "&Importar imagens…"),
 "&Settings…": ("&Paramètres…", "&Configuración…", "&Configurações…"),
 "&Quit": ("&Quitter", "&Salir", "&Sair"),
 "&Undo": ("&Annuler", "&Deshacer", "&Desfazer"),
 "&Redo": ("&Rétablir", "&Rehacer", "&Refazer"),
 "&About…": ("À &propos…", "&Acerca de…", "&Sobre…"),
 "1  Cases": ("1  Dossiers", "1  Casos", "1  Casos"),
 "2  Capture": ("2  Acquisition", "2  Captura", "2  Captura"),
 "3  Review": ("3  Revue", "3  Revisión", "3  Revisão"),
 "4  Report": ("4  Rapport", "4  Informe", "4  Relatório"),
 "No case open": ("Aucun dossier ouvert", "Ningún caso abierto", "Nenhum caso aberto"),
 "Blood smear screening": ("Dépistage sur frottis sanguin", "Cribado en frotis de sangre",
                           "Triagem em esfregaço de sangue"),
 "Fields": ("Champs", "Campos", "Campos"),
 "Exclude…": ("Exclure…", "Excluir…", "Excluir…"),
 "Include": ("Inclure", "Incluir", "Incluir"),
 "Delete…": ("Supprimer…", "Eliminar…", "Apagar…"),
 "Analyse anyway…": ("Analyser quand même…", "Analizar de todos modos…",
                     "Analisar mesmo assim…"),
 "Refused (not a blood film)": ("Refusées (pas un frottis sanguin)",
                                "Rechazadas (no es un frotis de sangre)",
                                "Recusadas (não é um esfregaço de sangue)"),
 "Outlines": ("Contours", "Contornos", "Contornos"),
 "Heat map": ("Carte de chaleur", "Mapa de calor", "Mapa de calor"),
 "Fit": ("Ajuster", "Ajustar", "Ajustar"),
 "Add cell": ("Ajouter une cellule", "Añadir célula", "Adicionar célula"),
 "Remove [Del]": ("Retirer [Suppr]", "Quitar [Supr]", "Remover [Del]"),
 "Unidentified [0]": ("Non identifiée [0]", "No identificada [0]", "Não identificada [0]"),
 "Flags": ("Alertes", "Alertas", "Alertas"),
 "Sign-off": ("Validation", "Firma", "Assinatura"),
 "Sign case": ("Signer le dossier", "Firmar el caso", "Assinar o caso"),
 "Reopen…": ("Rouvrir…", "Reabrir…", "Reabrir…"),
 "Reviewer's name": ("Nom du biologiste", "Nombre del revisor", "Nome do revisor"),
 "Settings": ("Paramètres", "Configuración", "Configurações"),
 "Language": ("Langue", "Idioma", "Idioma"),
 "New case…": ("Nouveau dossier…", "Nuevo caso…", "Novo caso…"),
 "Open": ("Ouvrir", "Abrir", "Abrir"),
 "All statuses": ("Tous les statuts", "Todos los estados", "Todos os estados"),
 "from": ("du", "desde", "de"),
 "to": ("au", "hasta", "até"),
 "Refresh preview": ("Actualiser l'aperçu", "Actualizar vista previa",
                     "Atualizar pré-visualização"),
 "Save PDF…": ("Enregistrer le PDF…", "Guardar PDF…", "Guardar PDF…"),
 "Print…": ("Imprimer…", "Imprimir…", "Imprimir…"),
 "Export CSV…": ("Exporter en CSV…", "Exportar CSV…", "Exportar CSV…"),
 "Image quality": ("Qualité d'image", "Calidad de imagen", "Qualidade da imagem"),
 "Import images": ("Importer des images", "Importar imágenes", "Importar imagens"),
 "Files…": ("Fichiers…", "Archivos…", "Arquivos…"),
 "Folder…": ("Dossier…", "Carpeta…", "Pasta…"),
 "Import the duplicates anyway": ("Importer quand même les doublons",
                                  "Importar los duplicados de todos modos",
                                  "Importar os duplicados mesmo assim"),
 "Intended use": ("Usage prévu", "Uso previsto", "Uso previsto"),
 "Models": ("Modèles", "Modelos", "Modelos"),
}
lang = {"fr": 0, "es": 1, "pt": 2}[sys.argv[1]]
tree = ET.parse(sys.argv[2])
root = tree.getroot()
root.set("language", {"fr": "fr_FR", "es": "es_ES", "pt": "pt_PT"}[sys.argv[1]])
done = 0
for m in root.iter("message"):
    src = m.find("source").text
    if src in T:
        t = m.find("translation")
        t.text = T[src][lang]
        t.attrib.pop("type", None)
        done += 1
tree.write(sys.argv[2], encoding="utf-8", xml_declaration=True)
print(sys.argv[1], done, "strings translated")
