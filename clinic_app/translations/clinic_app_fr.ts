<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../ui/about.py" line="20" />
            <source>About Blood smear screening</source>
            <translation>À propos de Dépistage sur frottis sanguin</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="21" />
            <source>Blood smear screening</source>
            <translation>Dépistage sur frottis sanguin</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="21" />
            <source>Intended use</source>
            <translation>Usage prévu</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="23" />
            <source>a screening aid for trained laboratory staff: white-cell differential and acute lymphoblastic leukaemia (ALL) screening of stained blood films. It is not a diagnosis; every finding must be confirmed by microscopy of the stained smear by a qualified person. Images that are not blood films are refused.</source>
            <translation>une aide au dépistage destinée au personnel de laboratoire qualifié : formule leucocytaire et dépistage de la leucémie aiguë lymphoblastique (ALL) sur frottis sanguins colorés. Ce n'est pas un diagnostic ; tout résultat doit être confirmé par l'examen microscopique du frottis coloré par une personne qualifiée. Les images qui ne sont pas des frottis sanguins sont refusées.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="27" />
            <source>Models</source>
            <translation>Modèles</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="28" />
            <source>Runs offline: nothing is sent over the network.</source>
            <translation>Fonctionne hors ligne : rien n'est envoyé sur le réseau.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="35" />
            <source>About this application</source>
            <translation>À propos de cette application</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="46" />
            <source>Models not loaded.</source>
            <translation>Modèles non chargés.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="47" />
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="47" />
            <source>Version</source>
            <translation>Version</translation>
        </message>
    </context>
    <context>
        <name>AccountForm</name>
        <message>
            <location filename="../ui/login.py" line="75" />
            <source>Create account</source>
            <translation>Créer le compte</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="78" />
            <location filename="../ui/login.py" line="87" />
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="80" />
            <location filename="../ui/login.py" line="88" />
            <source>Full name</source>
            <translation>Nom complet</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="83" />
            <location filename="../ui/login.py" line="90" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="84" />
            <location filename="../ui/login.py" line="91" />
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="85" />
            <location filename="../ui/login.py" line="92" />
            <source>Repeat password</source>
            <translation>Confirmer le mot de passe</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="86" />
            <source>at least %d characters</source>
            <translation>au moins %d caractères</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="96" />
            <source>The two passwords differ.</source>
            <translation>Les deux mots de passe sont différents.</translation>
        </message>
    </context>
    <context>
        <name>AcquisitionPage</name>
        <message>
            <location filename="../ui/acquisition.py" line="53" />
            <source>Create or open a case to capture fields.</source>
            <translation>Créez ou ouvrez un dossier pour acquérir des champs.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="60" />
            <location filename="../ui/acquisition.py" line="146" />
            <source>Start preview</source>
            <translation>Démarrer l'aperçu</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="64" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="64" />
            <source>Resolution</source>
            <translation>Résolution</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="72" />
            <source>Choose a source and press Start preview.
You can also drop image files or folders here.</source>
            <translation>Choisissez une source et cliquez sur Démarrer l'aperçu.
Vous pouvez aussi déposer ici des fichiers ou des répertoires d'images.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="91" />
            <source>Camera %d</source>
            <translation>Caméra %d</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="92" />
            <source>Image folder (no camera)…</source>
            <translation>Répertoire d'images (sans caméra)…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="93" />
            <source>Video file (no camera)…</source>
            <translation>Fichier vidéo (sans caméra)…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="96" />
            <source>No camera found. Plug in the microscope camera, or choose an image folder or a video file as the source and press Start preview.

You can also drop image files or folders here to import them.</source>
            <translation>Aucune caméra détectée. Branchez la caméra du microscope, ou choisissez comme source un répertoire d'images ou un fichier vidéo, puis cliquez sur Démarrer l'aperçu.

Vous pouvez aussi déposer ici des fichiers ou des répertoires d'images pour les importer.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="111" />
            <source>Folder of field images</source>
            <translation>Répertoire des images de champs</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="113" />
            <source>Video file</source>
            <translation>Fichier vidéo</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="114" />
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)</source>
            <translation>Vidéos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="137" />
            <source>Opening %s…</source>
            <translation>Ouverture de %s…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="138" />
            <source>Stop preview</source>
            <translation>Arrêter l'aperçu</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="145" />
            <source>Preview stopped.</source>
            <translation>Aperçu arrêté.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="162" />
            <source>%d fps</source>
            <translation>%d fps</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="165" />
            <source>Camera disconnected: %s. Reconnecting… The %d field(s) of this case are saved.</source>
            <translation>Caméra déconnectée : %s. Reconnexion… Les %d champ(s) de ce dossier sont enregistrés.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="168" />
            <source>Waiting for the camera to come back…</source>
            <translation>En attente du retour de la caméra…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="169" />
            <source>No picture</source>
            <translation>Pas d'image</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="178" />
            <source>Cannot open the source: %s</source>
            <translation>Impossible d'ouvrir la source : %s</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="184" />
            <source>Create or open a case before capturing.</source>
            <translation>Créez ou ouvrez un dossier avant l'acquisition.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="188" />
            <source>No picture to capture: start the preview first.</source>
            <translation>Aucune image à acquérir : démarrez d'abord l'aperçu.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="194" />
            <source>Field %d captured.</source>
            <translation>Champ %d acquis.</translation>
        </message>
    </context>
    <context>
        <name>CapturePanel</name>
        <message>
            <location filename="../ui/capture_panel.py" line="39" />
            <source>Image quality</source>
            <translation>Qualité d'image</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="44" />
            <location filename="../ui/capture_panel.py" line="126" />
            <source>Exposure: —</source>
            <translation>Exposition : —</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="50" />
            <source>Capture field  [Space]</source>
            <translation>Acquérir le champ  [Espace]</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="54" />
            <source>White cells counted</source>
            <translation>Leucocytes comptés</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="62" />
            <source>%v of %m cells</source>
            <translation>%v sur %m cellules</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="64" />
            <source>No case open.</source>
            <translation>Aucun dossier ouvert.</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="77" />
            <source>Import images</source>
            <translation>Importer des images</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="80" />
            <source>Files…</source>
            <translation>Fichiers…</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="82" />
            <source>Folder…</source>
            <translation>Répertoire…</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="88" />
            <source>%v of %m</source>
            <translation>%v sur %m</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="91" />
            <source>Cancel import</source>
            <translation>Annuler l'importation</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="94" />
            <source>…or drop files and folders on this page.</source>
            <translation>…ou déposez des fichiers et des répertoires sur cette page.</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="98" />
            <source>Import the duplicates anyway</source>
            <translation>Importer quand même les doublons</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="108" />
            <source>Focus: %.0f</source>
            <translation>Mise au point : %.0f</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="112" />
            <source>Exposure: %.0f%% black, %.0f%% white</source>
            <translation>Exposition : %.0f %% noir, %.0f %% blanc</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="115" />
            <source>Not usable: %s</source>
            <translation>Inutilisable : %s</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="119" />
            <source>Good to capture</source>
            <translation>Prêt pour l'acquisition</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="125" />
            <source>Focus: —</source>
            <translation>Mise au point : —</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="140" />
            <source>Import field images</source>
            <translation>Importer des images de champs</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="141" />
            <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)</source>
            <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="147" />
            <source>Import a folder of images</source>
            <translation>Importer un répertoire d'images</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="157" />
            <source>Saving %d of %d…</source>
            <translation>Enregistrement %d sur %d…</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="172" />
            <source>%s
%d field(s)</source>
            <translation>%s
%d champ(s)</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="174" />
            <source>, %d being analysed</source>
            <translation>, %d en cours d'analyse</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="176" />
            <source>Target reached: go to Review.</source>
            <translation>Objectif atteint : passez à l'onglet Revue.</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <location filename="../ui/case_actions.py" line="59" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>fr</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="85" />
            <source>Amendment %d signed by %s; both versions of the report are kept.</source>
            <translation>Rectificatif %d signé par %s ; les deux versions du compte rendu sont conservées.</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="88" />
            <source>Case signed by %s; the report is archived.</source>
            <translation>Dossier signé par %s ; le compte rendu est archivé.</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="101" />
            <source>Reopen case</source>
            <translation>Rouvrir le dossier</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="102" />
            <source>Why is the signed case reopened?</source>
            <translation>Pourquoi rouvrir ce dossier signé ?</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="108" />
            <source>Case reopened: signing again archives an amendment; the signed versions are kept.</source>
            <translation>Dossier rouvert : une nouvelle signature archivera un rectificatif ; les versions signées sont conservées.</translation>
        </message>
    </context>
    <context>
        <name>CaseSession</name>
        <message>
            <location filename="../ui/session.py" line="134" />
            <source>Signed by %s on %s. Read-only: reopen to change.</source>
            <translation>Signé par %s le %s. Lecture seule : rouvrez pour modifier.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="136" />
            <source>No fields yet: capture or import some first.</source>
            <translation>Aucun champ pour l'instant : acquérez-en ou importez-en d'abord.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="137" />
            <source>%d field(s) still being analysed.</source>
            <translation>%d champ(s) encore en cours d'analyse.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="138" />
            <source>%d field(s) could not be analysed: re-run them (Review &gt; Re-analyse failed) first.</source>
            <translation>%d champ(s) n'ont pas pu être analysés : relancez-les d'abord (Revue &gt; Réanalyser les champs en échec).</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="140" />
            <source>Log in to sign.</source>
            <translation>Connectez-vous pour signer.</translation>
        </message>
    </context>
    <context>
        <name>CasesPage</name>
        <message>
            <location filename="../ui/cases.py" line="146" />
            <source>Search patient ID, name, case number or date (YYYY-MM-DD)</source>
            <translation>Rechercher par identifiant patient, nom, n° de dossier ou date (AAAA-MM-JJ)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="149" />
            <source>Search cases</source>
            <translation>Rechercher des dossiers</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="151" />
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="151" />
            <location filename="../ui/cases.py" line="161" />
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="152" />
            <source>Analysed</source>
            <translation>Analysé</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="152" />
            <source>Signed</source>
            <translation>Signé</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="159" />
            <source>New case…</source>
            <translation>Nouveau dossier…</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="166" />
            <source>from</source>
            <translation>du</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="168" />
            <source>to</source>
            <translation>au</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="183" />
            <source>No cases yet. Press “New case…” to start one.</source>
            <translation>Aucun dossier pour l'instant. Cliquez sur « Nouveau dossier… » pour en créer un.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="219" />
            <source>Cases</source>
            <translation>Dossiers</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="233" />
            <source>No case matches “%s”.</source>
            <translation>Aucun dossier ne correspond à « %s ».</translation>
        </message>
    </context>
    <context>
        <name>CellGallery</name>
        <message>
            <location filename="../ui/gallery.py" line="230" />
            <source>added by reviewer: %s</source>
            <translation>ajoutée par le relecteur : %s</translation>
        </message>
        <message>
            <location filename="../ui/gallery.py" line="233" />
            <source>reviewed: %s (model: %s %s)</source>
            <translation>vérifiée : %s (modèle : %s %s)</translation>
        </message>
        <message>
            <location filename="../ui/gallery.py" line="235" />
            <source>✓ confirmed (model %s)</source>
            <translation>✓ confirmée (modèle %s)</translation>
        </message>
        <message>
            <location filename="../ui/gallery.py" line="244" />
            <source>%s, cell %d: %s</source>
            <translation>%s, cellule %d : %s</translation>
        </message>
    </context>
    <context>
        <name>CellList</name>
        <message>
            <location filename="../ui/gallery.py" line="70" />
            <source>Cells: %s</source>
            <translation>Cellules : %s</translation>
        </message>
        <message>
            <location filename="../ui/gallery.py" line="131" />
            <source>none (drop cells here)</source>
            <translation>aucune (déposez des cellules ici)</translation>
        </message>
    </context>
    <context>
        <name>DifferentialChart</name>
        <message>
            <location filename="../ui/summary_panel.py" line="54" />
            <source>No cells counted yet</source>
            <translation>Aucune cellule comptée pour l'instant</translation>
        </message>
    </context>
    <context>
        <name>EngineEvents</name>
        <message>
            <location filename="../ui/engine_events.py" line="82" />
            <source>Open an unsigned case before importing images.</source>
            <translation>Ouvrez un dossier non signé avant d'importer des images.</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="131" />
            <source>%d image(s) saved.</source>
            <translation>%d image(s) enregistrée(s).</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="133" />
            <source>Import cancelled: %d image(s) saved, %d not imported.</source>
            <translation>Importation annulée : %d image(s) enregistrée(s), %d non importée(s).</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="136" />
            <source>%d already in this case (same image), not imported again: %s</source>
            <translation>%d déjà dans ce dossier (image identique), non réimportée(s) : %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="140" />
            <source>%d refused, not a blood film (see Review: analyse anyway is possible): %s</source>
            <translation>%d refusée(s), pas un frottis sanguin (voir Revue : « Analyser quand même » reste possible) : %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="144" />
            <source>%d could not be read: %s</source>
            <translation>%d illisible(s) : %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="174" />
            <source>Models not loaded</source>
            <translation>Modèles non chargés</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="198" />
            <source>the analysis engine stopped; restart the app</source>
            <translation>le moteur d'analyse s'est arrêté ; redémarrez l'application</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="199" />
            <source>Engine stopped</source>
            <translation>Moteur arrêté</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="217" />
            <source>Analysing: %d field(s) waiting</source>
            <translation>Analyse : %d champ(s) en attente</translation>
        </message>
    </context>
    <context>
        <name>FieldList</name>
        <message>
            <location filename="../ui/field_list.py" line="53" />
            <source>Fields of the case</source>
            <translation>Champs du dossier</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="61" />
            <source>Analysed anyway, although refused: %s</source>
            <translation>Analysé quand même, bien que refusé : %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="63" />
            <source>Excluded by the reviewer: %s</source>
            <translation>Exclu par le relecteur : %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="67" />
            <source>Excluded from the counts: %s</source>
            <translation>Exclu des comptages : %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="35" />
            <source>⚠ not analysed</source>
            <translation>⚠ non analysé</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="37" />
            <source>analysing…</source>
            <translation>analyse en cours…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="39" />
            <source>excluded (reviewer)</source>
            <translation>exclu (relecteur)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="41" />
            <source>excluded (quality)</source>
            <translation>exclu (qualité)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="43" />
            <source>1 cell</source>
            <translation>1 cellule</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="43" />
            <source>%d cells</source>
            <translation>%d cellules</translation>
        </message>
    </context>
    <context>
        <name>FieldPanel</name>
        <message>
            <location filename="../ui/field_list.py" line="111" />
            <source>Exclude…</source>
            <translation>Exclure…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="112" />
            <source>Leave the field out of the counts (audited)</source>
            <translation>Exclure le champ des comptages (action tracée)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="114" />
            <source>Delete…</source>
            <translation>Supprimer…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="115" />
            <source>Take the field out of the case (audited; the image is kept in the data folder)</source>
            <translation>Retirer le champ du dossier (action tracée ; l'image reste dans le répertoire de données)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="118" />
            <source>Re-analyse failed fields</source>
            <translation>Réanalyser les champs en échec</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="120" />
            <source>Refused (not a blood film)</source>
            <translation>Refusées (pas un frottis sanguin)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="122" />
            <source>Images refused by the in-scope check</source>
            <translation>Images refusées par le contrôle de recevabilité</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="124" />
            <source>Analyse anyway…</source>
            <translation>Analyser quand même…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="125" />
            <source>Analyse the selected refused image although the check says it is not a blood film (audited, said on the report)</source>
            <translation>Analyser l'image refusée sélectionnée bien que le contrôle indique qu'il ne s'agit pas d'un frottis sanguin (action tracée, mentionnée dans le compte rendu)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="130" />
            <source>Fields</source>
            <translation>Champs</translation>
        </message>
    </context>
    <context>
        <name>FirstAccountDialog</name>
        <message>
            <location filename="../ui/login.py" line="114" />
            <source>Create the first account</source>
            <translation>Créer le premier compte</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="115" />
            <source>No user account exists in this data folder yet. Create the first one: every change and every sign-off is recorded under a user's name.</source>
            <translation>Aucun compte utilisateur n'existe encore dans ce répertoire de données. Créez le premier : chaque modification et chaque validation sont enregistrées au nom d'un utilisateur.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../ui/login.py" line="124" />
            <location filename="../ui/login.py" line="125" />
            <source>Log in</source>
            <translation>Connexion</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="124" />
            <source>Log in to work on cases.</source>
            <translation>Connectez-vous pour travailler sur les dossiers.</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="128" />
            <location filename="../ui/login.py" line="130" />
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="129" />
            <location filename="../ui/login.py" line="131" />
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../ui/main_window.py" line="80" />
            <source>Blood smear screening</source>
            <translation>Dépistage sur frottis sanguin</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="103" />
            <source>Case store problem</source>
            <translation>Problème de stockage des dossiers</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="119" />
            <source>1  Cases</source>
            <translation>1  Dossiers</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="120" />
            <source>2  Capture</source>
            <translation>2  Acquisition</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="120" />
            <source>3  Review</source>
            <translation>3  Revue</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="121" />
            <source>4  Report</source>
            <translation>4  Compte rendu</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="124" />
            <location filename="../ui/main_window.py" line="299" />
            <source>No case open</source>
            <translation>Aucun dossier ouvert</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="126" />
            <location filename="../ui/main_window.py" line="325" />
            <source>Loading models…</source>
            <translation>Chargement des modèles…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="159" />
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="160" />
            <source>&amp;New case…</source>
            <translation>&amp;Nouveau dossier…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="161" />
            <source>&amp;Find case…</source>
            <translation>&amp;Rechercher un dossier…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="163" />
            <source>&amp;Import images…</source>
            <translation>&amp;Importer des images…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="164" />
            <source>&amp;Settings…</source>
            <translation>&amp;Paramètres…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="165" />
            <source>&amp;Users…</source>
            <translation>&amp;Utilisateurs…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="166" />
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="167" />
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="168" />
            <location filename="../ui/main_window.py" line="232" />
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="169" />
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="170" />
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="171" />
            <source>&amp;About…</source>
            <translation>À &amp;propos…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="217" />
            <source>Undone: %s</source>
            <translation>Annulé : %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="217" />
            <source>Nothing to undo</source>
            <translation>Rien à annuler</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="222" />
            <source>Redone: %s</source>
            <translation>Rétabli : %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="222" />
            <source>Nothing to redo</source>
            <translation>Rien à rétablir</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="230" />
            <source>&amp;Undo %s</source>
            <translation>&amp;Annuler %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="239" />
            <source>Create or open a case to capture fields.</source>
            <translation>Créez ou ouvrez un dossier pour acquérir des champs.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="241" />
            <source>This case is signed. Reopen it on the Review page to add fields.</source>
            <translation>Ce dossier est signé. Rouvrez-le dans l'onglet Revue pour ajouter des champs.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="269" />
            <source>Opening case %d…</source>
            <translation>Ouverture du dossier %d…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="300" />
            <source>Case %d · %s %s · %s · %s</source>
            <translation>Dossier %d · %s %s · %s · %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="305" />
            <source>Blood smear screening — %s</source>
            <translation>Dépistage sur frottis sanguin — %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="320" />
            <source>The new data folder is used after a restart.</source>
            <translation>Le nouveau répertoire de données sera utilisé après un redémarrage.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="335" />
            <source>%d field image(s) saved just before the app stopped were added back to their cases.</source>
            <translation>%d image(s) de champ enregistrée(s) juste avant l'arrêt de l'application ont été réintégrée(s) à leur dossier.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="338" />
            <source>%d field image(s) are missing from the data folder.</source>
            <translation>%d image(s) de champ manquante(s) dans le répertoire de données.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="341" />
            <source>Unreadable files: %s</source>
            <translation>Fichiers illisibles : %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="343" />
            <source>Recovery</source>
            <translation>Récupération</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <location filename="../ui/cases.py" line="59" />
            <source>New case</source>
            <translation>Nouveau dossier</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="63" />
            <source>required</source>
            <translation>obligatoire</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="66" />
            <source>the lab's case number (optional)</source>
            <translation>numéro de dossier du laboratoire (facultatif)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="68" />
            <source>YYYY-MM-DD (optional; wins over age)</source>
            <translation>AAAA-MM-JJ (facultatif ; prioritaire sur l'âge)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="70" />
            <source>years, e.g. 42</source>
            <translation>ans, p. ex. 42</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="72" />
            <source>unknown</source>
            <translation>inconnu</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="72" />
            <source>female</source>
            <translation>féminin</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="73" />
            <source>male</source>
            <translation>masculin</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="73" />
            <source>other</source>
            <translation>autre</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="76" />
            <source>PB — peripheral blood</source>
            <translation>PB — sang périphérique</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="77" />
            <source>BM — bone marrow</source>
            <translation>BM — moelle osseuse</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="85" />
            <source>Patient ID</source>
            <translation>Identifiant patient</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="86" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="87" />
            <source>Accession no.</source>
            <translation>N° de demande</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="88" />
            <source>Age</source>
            <translation>Âge</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="88" />
            <source>Date of birth</source>
            <translation>Date de naissance</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="89" />
            <source>Sex</source>
            <translation>Sexe</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="89" />
            <source>Sample type</source>
            <translation>Type de prélèvement</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="90" />
            <source>Operator</source>
            <translation>Opérateur</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="90" />
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="96" />
            <source>Create case</source>
            <translation>Créer le dossier</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="117" />
            <source>Enter the patient ID.</source>
            <translation>Saisissez l'identifiant du patient.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="121" />
            <source>Date of birth should be a past date, YYYY-MM-DD.</source>
            <translation>La date de naissance doit être une date passée, au format AAAA-MM-JJ.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="125" />
            <source>Notes are limited to %d characters.</source>
            <translation>Les notes sont limitées à %d caractères.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="129" />
            <source>Age should be a number of years (0-130).</source>
            <translation>L'âge doit être un nombre d'années (0-130).</translation>
        </message>
    </context>
    <context>
        <name>NewUserDialog</name>
        <message>
            <location filename="../ui/users.py" line="40" />
            <source>New user</source>
            <translation>Nouvel utilisateur</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="41" />
            <source>A new account for this data folder.</source>
            <translation>Un nouveau compte pour ce répertoire de données.</translation>
        </message>
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <location filename="../ui/report_page.py" line="71" />
            <source>Refresh preview</source>
            <translation>Actualiser l'aperçu</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="73" />
            <source>Save PDF…</source>
            <translation>Enregistrer le PDF…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="75" />
            <source>Print…</source>
            <translation>Imprimer…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="77" />
            <source>Open in PDF viewer</source>
            <translation>Ouvrir dans la visionneuse PDF</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="79" />
            <source>Export CSV…</source>
            <translation>Exporter en CSV…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="81" />
            <source>Export FHIR JSON…</source>
            <translation>Exporter en FHIR JSON…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="83" />
            <source>Export HL7…</source>
            <translation>Exporter en HL7…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="89" />
            <source>Open a case to see its report.</source>
            <translation>Ouvrez un dossier pour voir son compte rendu.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="125" />
            <source>Opening the signed report…</source>
            <translation>Ouverture du compte rendu signé…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="130" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>fr</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="131" />
            <source>Building the report…</source>
            <translation>Génération du compte rendu…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="152" />
            <source> (no preview: pdftoppm is not installed; use Open in PDF viewer)</source>
            <translation> (pas d'aperçu : pdftoppm n'est pas installé ; utilisez Ouvrir dans la visionneuse PDF)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="155" />
            <source>Report (preliminary until signed): %s%s</source>
            <translation>Compte rendu (provisoire jusqu'à la signature) : %s%s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="158" />
            <source>amendment %d</source>
            <translation>rectificatif %d</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="159" />
            <source>version 1</source>
            <translation>version 1</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="160" />
            <source> — WARNING: the file no longer matches its recorded sha256</source>
            <translation> — ATTENTION : le fichier ne correspond plus à son sha256 enregistré</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="162" />
            <source>Signed report, %s, archived (sha256 %s…): %s%s%s</source>
            <translation>Compte rendu signé, %s, archivé (sha256 %s…) : %s%s%s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="169" />
            <source>The report could not be written: %s</source>
            <translation>Le compte rendu n'a pas pu être écrit : %s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="174" />
            <source>Save report</source>
            <translation>Enregistrer le compte rendu</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="176" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="179" />
            <source>Report saved to %s</source>
            <translation>Compte rendu enregistré dans %s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="189" />
            <source>Printing through the system PDF viewer.</source>
            <translation>Impression via la visionneuse PDF du système.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="202" />
            <source>Preparing the pages for the printer…</source>
            <translation>Préparation des pages pour l'imprimante…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="208" />
            <source>the printer</source>
            <translation>l'imprimante</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="209" />
            <source>%d page(s) sent to %s.</source>
            <translation>%d page(s) envoyée(s) à %s.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="210" />
            <source>Nothing was printed: the printer could not be opened.</source>
            <translation>Rien n'a été imprimé : l'imprimante n'a pas pu être ouverte.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="217" />
            <source>Printing failed: %s</source>
            <translation>Échec de l'impression : %s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="245" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="246" />
            <source>HL7 v2 (*.hl7)</source>
            <translation>HL7 v2 (*.hl7)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="247" />
            <source>FHIR JSON (*.json)</source>
            <translation>FHIR JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="254" />
            <location filename="../ui/report_page.py" line="260" />
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="262" />
            <source>Exported %s</source>
            <translation>Exporté : %s</translation>
        </message>
    </context>
    <context>
        <name>ReviewActions</name>
        <message>
            <location filename="../ui/review_actions.py" line="60" />
            <source>Signed case</source>
            <translation>Dossier signé</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="61" />
            <source>This case is signed. Reopen it (the reopening is audited) to change it.</source>
            <translation>Ce dossier est signé. Rouvrez-le (la réouverture est tracée) pour le modifier.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="75" />
            <source>Reclassify</source>
            <translation>Reclasser</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="77" />
            <source>%d cell(s) marked %s</source>
            <translation>%d cellule(s) classée(s) %s</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="80" />
            <source>Remove cells</source>
            <translation>Retirer des cellules</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="82" />
            <source>%d cell(s) removed as false detections (Edit &gt; Undo brings them back)</source>
            <translation>%d cellule(s) retirée(s) comme fausses détections (Édition &gt; Annuler les rétablit)</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="116" />
            <source>Add cell</source>
            <translation>Ajouter une cellule</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="120" />
            <source>Cell added: press its class key.</source>
            <translation>Cellule ajoutée : appuyez sur la touche de sa classe.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="131" />
            <source>Include field</source>
            <translation>Inclure le champ</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="135" />
            <location filename="../ui/review_actions.py" line="139" />
            <source>Exclude field</source>
            <translation>Exclure le champ</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="136" />
            <source>Why is %s left out of the counts?</source>
            <translation>Pourquoi exclure %s des comptages ?</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="149" />
            <location filename="../ui/review_actions.py" line="154" />
            <source>Delete field</source>
            <translation>Supprimer le champ</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="150" />
            <source>Take %s out of this case? The image stays in the data folder and the audit log records it; Edit &gt; Undo brings it back.</source>
            <translation>Retirer %s de ce dossier ? L'image reste dans le répertoire de données et le journal d'audit l'enregistre ; Édition &gt; Annuler le rétablit.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="156" />
            <source>Field %s deleted from the case.</source>
            <translation>Champ %s supprimé du dossier.</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../ui/review.py" line="77" />
            <source>Field image</source>
            <translation>Image du champ</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="79" />
            <source>Cell gallery</source>
            <translation>Galerie des cellules</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="119" />
            <source>Review tools</source>
            <translation>Outils de revue</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="133" />
            <source>Outlines</source>
            <translation>Contours</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="134" />
            <source>Outlines and labels</source>
            <translation>Contours et étiquettes</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="136" />
            <source>Heat map</source>
            <translation>Carte de chaleur</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="138" />
            <source>Zoom +</source>
            <translation>Zoom +</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="139" />
            <source>Zoom −</source>
            <translation>Zoom −</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="140" />
            <source>Fit</source>
            <translation>Ajuster</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="142" />
            <source>Add cell</source>
            <translation>Ajouter une cellule</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="143" />
            <source>Draw the box of a missed cell on the field</source>
            <translation>Tracer le cadre d'une cellule non détectée sur le champ</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="144" />
            <source>Remove [Del]</source>
            <translation>Retirer [Suppr]</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="146" />
            <source>Remove the selected cells as false detections</source>
            <translation>Retirer les cellules sélectionnées comme fausses détections</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="147" />
            <source>Unidentified [0]</source>
            <translation>Non identifiée [0]</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="230" />
            <source>Include</source>
            <translation>Inclure</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="230" />
            <source>Exclude…</source>
            <translation>Exclure…</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="238" />
            <source>Heat maps exist only for fields analysed since the case was opened.</source>
            <translation>Les cartes de chaleur n'existent que pour les champs analysés depuis l'ouverture du dossier.</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="286" />
            <source>Signed: read-only. Reopen the case to change labels.</source>
            <translation>Signé : lecture seule. Rouvrez le dossier pour modifier les étiquettes.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../ui/settings.py" line="107" />
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="112" />
            <location filename="../ui/settings.py" line="187" />
            <source>Data folder</source>
            <translation>Répertoire des données</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="113" />
            <source>Cases and images are kept here; a change takes effect after a restart.</source>
            <translation>Les dossiers et les images sont conservés ici ; un changement prend effet après un redémarrage.</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="119" />
            <source>Backend</source>
            <translation>Moteur de calcul</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="120" />
            <source>Detecting accelerators…</source>
            <translation>Détection des accélérateurs…</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="123" />
            <source>Detected</source>
            <translation>Détectés</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="124" />
            <source>In use</source>
            <translation>Utilisé</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="124" />
            <source>models not loaded</source>
            <translation>modèles non chargés</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="127" />
            <source>automatic</source>
            <translation>automatique</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="129" />
            <source>CPU threads</source>
            <translation>Threads CPU</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="157" />
            <source>Estimate from red-cell size</source>
            <translation>Estimer d'après la taille des hématies</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="130" />
            <source>Scale</source>
            <translation>Échelle</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="132" />
            <source>100 cells</source>
            <translation>100 cellules</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="133" />
            <source>200 cells</source>
            <translation>200 cellules</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="135" />
            <source>Count target</source>
            <translation>Objectif de comptage</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="137" />
            <source>Lab name (report)</source>
            <translation>Nom du laboratoire (compte rendu)</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="139" />
            <source>Lab logo (report)</source>
            <translation>Logo du laboratoire (compte rendu)</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="144" />
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="145" />
            <source>A new language takes effect after a restart.</source>
            <translation>Une nouvelle langue prend effet après un redémarrage.</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="182" />
            <source>Browse…</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="189" />
            <source>Lab logo</source>
            <translation>Logo du laboratoire</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="190" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
    </context>
    <context>
        <name>SignOffDialog</name>
        <message>
            <location filename="../ui/signoff.py" line="59" />
            <source>Sign case</source>
            <translation>Signer le dossier</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="65" />
            <source>Summary to confirm</source>
            <translation>Résumé à confirmer</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="67" />
            <location filename="../ui/signoff.py" line="74" />
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="70" />
            <location filename="../ui/signoff.py" line="75" />
            <source>Password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="78" />
            <source>Sign</source>
            <translation>Signer</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="83" />
            <source>You are signing this case:</source>
            <translation>Vous signez ce dossier :</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="102" />
            <source>Signing and archiving the report…</source>
            <translation>Signature et archivage du compte rendu…</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="112" />
            <source>Not signed: %s</source>
            <translation>Non signé : %s</translation>
        </message>
    </context>
    <context>
        <name>SummaryPanel</name>
        <message>
            <location filename="../ui/summary_panel.py" line="94" />
            <location filename="../ui/summary_panel.py" line="100" />
            <source>Flags</source>
            <translation>Alertes</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="95" />
            <source>ALL screen result</source>
            <translation>Résultat du dépistage ALL</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="96" />
            <source>Differential (% of white cells; green: adult range)</source>
            <translation>Formule leucocytaire (% des leucocytes ; vert : valeurs de référence de l'adulte)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="102" />
            <source>Sign-off</source>
            <translation>Validation</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="107" />
            <source>not logged in</source>
            <translation>non connecté</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="108" />
            <source>Logged-in user</source>
            <translation>Utilisateur connecté</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="109" />
            <source>Logged-in user: changes are recorded under this name</source>
            <translation>Utilisateur connecté : les modifications sont enregistrées sous ce nom</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="111" />
            <source>Sign case…</source>
            <translation>Signer le dossier…</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="113" />
            <source>Reopen…</source>
            <translation>Rouvrir…</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="137" />
            <source>No results yet.</source>
            <translation>Aucun résultat pour l'instant.</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="141" />
            <source>%d of %d cells counted · %d/%d fields used · %d unidentified</source>
            <translation>%d cellules comptées sur %d · %d/%d champs utilisés · %d non identifiée(s)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="146" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>fr</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="152" />
            <source>No flags.</source>
            <translation>Aucune alerte.</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="160" />
            <source>blasts: %d (%.0f%% of white cells)</source>
            <translation>blastes : %d (%.0f %% des leucocytes)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="161" />
            <source>field model: not applicable</source>
            <translation>modèle de champ : non applicable</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="162" />
            <source>field model: malignant probability %.0f%%</source>
            <translation>modèle de champ : probabilité de malignité %.0f %%</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="164" />
            <source>ALL SUSPECTED — %s; %s
(screening aid: confirm by morphology and flow cytometry)</source>
            <translation>SUSPICION D'ALL — %s ; %s
(aide au dépistage : à confirmer par l'examen morphologique et la cytométrie en flux)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="168" />
            <source>ALL screen: review needed — %s; %s</source>
            <translation>Dépistage ALL : revue nécessaire — %s ; %s</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="171" />
            <source>ALL screen not applicable: no usable field could be classified; %s</source>
            <translation>Dépistage ALL non applicable : aucun champ exploitable n'a pu être classé ; %s</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="175" />
            <source>ALL screen negative — %s; %s</source>
            <translation>Dépistage ALL négatif — %s ; %s</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <location filename="../ui/users.py" line="49" />
            <source>Users</source>
            <translation>Utilisateurs</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="54" />
            <source>User accounts</source>
            <translation>Comptes utilisateurs</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="57" />
            <source>New user…</source>
            <translation>Nouvel utilisateur…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="58" />
            <source>Reset password…</source>
            <translation>Réinitialiser le mot de passe…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="59" />
            <source>Close account</source>
            <translation>Fermer le compte</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="60" />
            <source>Change my password…</source>
            <translation>Changer mon mot de passe…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="73" />
            <source>Only an administrator adds or closes accounts.</source>
            <translation>Seul un administrateur ajoute ou ferme des comptes.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="92" />
            <source>Account %s created.</source>
            <translation>Compte %s créé.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="99" />
            <source>Reset password</source>
            <translation>Réinitialiser le mot de passe</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="100" />
            <source>New password for %s:</source>
            <translation>Nouveau mot de passe de %s :</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="104" />
            <source>Password of %s reset.</source>
            <translation>Mot de passe de %s réinitialisé.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="110" />
            <source>Account %s closed.</source>
            <translation>Compte %s fermé.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="113" />
            <location filename="../ui/users.py" line="117" />
            <source>Change my password</source>
            <translation>Changer mon mot de passe</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="114" />
            <source>Current password:</source>
            <translation>Mot de passe actuel :</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="118" />
            <source>New password:</source>
            <translation>Nouveau mot de passe :</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="121" />
            <source>Your password was changed.</source>
            <translation>Votre mot de passe a été changé.</translation>
        </message>
    </context>
    <context>
        <name>SignOff</name>
        <message>
            <location filename="../ui/signoff.py" line="38" />
            <source>White cells counted: %d of %d target</source>
            <translation>Leucocytes comptés : %d sur un objectif de %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="40" />
            <source>BELOW TARGET</source>
            <translation>SOUS L'OBJECTIF</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="42" />
            <source>Unidentified cells: %d</source>
            <translation>Cellules non identifiées : %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="43" />
            <source>Fields used: %d of %d; excluded by the reviewer: %d</source>
            <translation>Champs utilisés : %d sur %d ; exclus par le relecteur : %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="45" />
            <source>Blasts: %d</source>
            <translation>Blastes : %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="47" />
            <source>Flags: none</source>
            <translation>Alertes : aucune</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="48" />
            <source>en</source>
            <translation>fr</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="49" />
            <source>Flags:</source>
            <translation>Alertes :</translation>
        </message>
    </context>
</TS>