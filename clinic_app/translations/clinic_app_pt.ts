<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
<context>
    <name></name>
    <message>
        <location filename="../ui/field_list.py" line="35"/>
        <source>FieldList</source>
        <comment>⚠ not analysed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="37"/>
        <source>FieldList</source>
        <comment>analysing…</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="39"/>
        <source>FieldList</source>
        <comment>excluded (reviewer)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="41"/>
        <source>FieldList</source>
        <comment>excluded (quality)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="43"/>
        <source>FieldList</source>
        <comment>1 cell</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="43"/>
        <source>FieldList</source>
        <comment>%d cells</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcquisitionPage</name>
    <message>
        <location filename="../ui/acquisition.py" line="53"/>
        <source>Create or open a case to capture fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="60"/>
        <location filename="../ui/acquisition.py" line="146"/>
        <source>Start preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="64"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="64"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="72"/>
        <source>Choose a source and press Start preview.
You can also drop image files or folders here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="91"/>
        <source>Camera %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="92"/>
        <source>Image folder (no camera)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="93"/>
        <source>Video file (no camera)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="96"/>
        <source>No camera found. Plug in the microscope camera, or choose an image folder or a video file as the source and press Start preview.

You can also drop image files or folders here to import them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="111"/>
        <source>Folder of field images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="113"/>
        <source>Video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="114"/>
        <source>Videos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="137"/>
        <source>Opening %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="138"/>
        <source>Stop preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="145"/>
        <source>Preview stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="162"/>
        <source>%d fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="165"/>
        <source>Camera disconnected: %s. Reconnecting… The %d field(s) of this case are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="168"/>
        <source>Waiting for the camera to come back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="169"/>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="178"/>
        <source>Cannot open the source: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="184"/>
        <source>Create or open a case before capturing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="188"/>
        <source>No picture to capture: start the preview first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/acquisition.py" line="194"/>
        <source>Field %d captured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <location filename="../ui/capture_panel.py" line="39"/>
        <source>Image quality</source>
        <translation>Qualidade da imagem</translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="44"/>
        <location filename="../ui/capture_panel.py" line="126"/>
        <source>Exposure: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="50"/>
        <source>Capture field  [Space]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="54"/>
        <source>White cells counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="62"/>
        <source>%v of %m cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="64"/>
        <source>No case open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="77"/>
        <source>Import images</source>
        <translation>Importar imagens</translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="80"/>
        <source>Files…</source>
        <translation>Arquivos…</translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="82"/>
        <source>Folder…</source>
        <translation>Pasta…</translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="88"/>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="91"/>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="94"/>
        <source>…or drop files and folders on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="98"/>
        <source>Import the duplicates anyway</source>
        <translation>Importar os duplicados mesmo assim</translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="108"/>
        <source>Focus: %.0f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="112"/>
        <source>Exposure: %.0f%% black, %.0f%% white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="115"/>
        <source>Not usable: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="119"/>
        <source>Good to capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="125"/>
        <source>Focus: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="140"/>
        <source>Import field images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="141"/>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="147"/>
        <source>Import a folder of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="157"/>
        <source>Saving %d of %d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="172"/>
        <source>%s
%d field(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="174"/>
        <source>, %d being analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/capture_panel.py" line="176"/>
        <source>Target reached: go to Review.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../ui/case_actions.py" line="84"/>
        <source>Amendment %d signed by %s; both versions of the report are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/case_actions.py" line="87"/>
        <source>Case signed by %s; the report is archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/case_actions.py" line="100"/>
        <source>Reopen case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/case_actions.py" line="101"/>
        <source>Why is the signed case reopened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/case_actions.py" line="107"/>
        <source>Case reopened: signing again archives an amendment; the signed versions are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseSession</name>
    <message>
        <location filename="../ui/session.py" line="134"/>
        <source>Signed by %s on %s. Read-only: reopen to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="136"/>
        <source>No fields yet: capture or import some first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="137"/>
        <source>%d field(s) still being analysed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="138"/>
        <source>%d field(s) could not be analysed: re-run them (Review &gt; Re-analyse failed) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.py" line="140"/>
        <source>Log in to sign.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../ui/cases.py" line="146"/>
        <source>Search patient ID, name, case number or date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="149"/>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="151"/>
        <source>All statuses</source>
        <translation>Todos os estados</translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="151"/>
        <location filename="../ui/cases.py" line="161"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="152"/>
        <source>Analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="152"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="159"/>
        <source>New case…</source>
        <translation>Novo caso…</translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="166"/>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="168"/>
        <source>to</source>
        <translation>até</translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="183"/>
        <source>No cases yet. Press “New case…” to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="219"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="233"/>
        <source>No case matches “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellGallery</name>
    <message>
        <location filename="../ui/gallery.py" line="230"/>
        <source>added by reviewer: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery.py" line="233"/>
        <source>reviewed: %s (model: %s %s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery.py" line="235"/>
        <source>✓ confirmed (model %s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery.py" line="244"/>
        <source>%s, cell %d: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellList</name>
    <message>
        <location filename="../ui/gallery.py" line="70"/>
        <source>Cells: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gallery.py" line="131"/>
        <source>none (drop cells here)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DifferentialChart</name>
    <message>
        <location filename="../ui/summary_panel.py" line="53"/>
        <source>No cells counted yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineEvents</name>
    <message>
        <location filename="../ui/engine_events.py" line="81"/>
        <source>Open an unsigned case before importing images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="130"/>
        <source>%d image(s) saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="132"/>
        <source>Import cancelled: %d image(s) saved, %d not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="135"/>
        <source>%d already in this case (same image), not imported again: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="139"/>
        <source>%d refused, not a blood film (see Review: analyse anyway is possible): %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="143"/>
        <source>%d could not be read: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="173"/>
        <source>Models not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="197"/>
        <source>the analysis engine stopped; restart the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="198"/>
        <source>Engine stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/engine_events.py" line="216"/>
        <source>Analysing: %d field(s) waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldList</name>
    <message>
        <location filename="../ui/field_list.py" line="53"/>
        <source>Fields of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="61"/>
        <source>Analysed anyway, although refused: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="63"/>
        <source>Excluded by the reviewer: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="67"/>
        <source>Excluded from the counts: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldPanel</name>
    <message>
        <location filename="../ui/field_list.py" line="111"/>
        <source>Exclude…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="112"/>
        <source>Leave the field out of the counts (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="114"/>
        <source>Delete…</source>
        <translation>Apagar…</translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="115"/>
        <source>Take the field out of the case (audited; the image is kept in the data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="118"/>
        <source>Re-analyse failed fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="120"/>
        <source>Refused (not a blood film)</source>
        <translation>Recusadas (não é um esfregaço de sangue)</translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="122"/>
        <source>Images refused by the in-scope check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="124"/>
        <source>Analyse anyway…</source>
        <translation>Analisar mesmo assim…</translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="125"/>
        <source>Analyse the selected refused image although the check says it is not a blood film (audited, said on the report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/field_list.py" line="130"/>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
</context>
<context>
    <name>FirstAccountDialog</name>
    <message>
        <location filename="../ui/login.py" line="72"/>
        <source>Create the first account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="73"/>
        <source>No user account exists in this data folder yet. Create the first one: every change and every sign-off is recorded under a user&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="75"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="78"/>
        <location filename="../ui/login.py" line="84"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="80"/>
        <location filename="../ui/login.py" line="85"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="81"/>
        <location filename="../ui/login.py" line="86"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="82"/>
        <location filename="../ui/login.py" line="87"/>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="83"/>
        <source>at least %d characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="92"/>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../ui/login.py" line="111"/>
        <location filename="../ui/login.py" line="112"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="111"/>
        <source>Log in to work on cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="115"/>
        <location filename="../ui/login.py" line="117"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login.py" line="116"/>
        <location filename="../ui/login.py" line="118"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="79"/>
        <source>Blood smear screening</source>
        <translation>Triagem em esfregaço de sangue</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="102"/>
        <source>Case store problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="118"/>
        <source>1  Cases</source>
        <translation>1  Casos</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="119"/>
        <source>2  Capture</source>
        <translation>2  Captura</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="119"/>
        <source>3  Review</source>
        <translation>3  Revisão</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="120"/>
        <source>4  Report</source>
        <translation>4  Relatório</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="123"/>
        <location filename="../ui/main_window.py" line="291"/>
        <source>No case open</source>
        <translation>Nenhum caso aberto</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="125"/>
        <location filename="../ui/main_window.py" line="317"/>
        <source>Loading models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="158"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="159"/>
        <source>&amp;New case…</source>
        <translation>&amp;Novo caso…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="160"/>
        <source>&amp;Find case…</source>
        <translation>&amp;Procurar caso…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="162"/>
        <source>&amp;Import images…</source>
        <translation>&amp;Importar imagens…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="163"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="164"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="165"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="166"/>
        <location filename="../ui/main_window.py" line="224"/>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="167"/>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="168"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="169"/>
        <source>&amp;About…</source>
        <translation>&amp;Sobre…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="209"/>
        <source>Undone: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="209"/>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="214"/>
        <source>Redone: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="214"/>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="222"/>
        <source>&amp;Undo %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="231"/>
        <source>Create or open a case to capture fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="233"/>
        <source>This case is signed. Reopen it on the Review page to add fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="261"/>
        <source>Opening case %d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="292"/>
        <source>Case %d · %s %s · %s · %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="297"/>
        <source>Blood smear screening — %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign case</source>
        <translation type="vanished">Assinar o caso</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="312"/>
        <source>The new data folder is used after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="327"/>
        <source>%d field image(s) saved just before the app stopped were added back to their cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="330"/>
        <source>%d field image(s) are missing from the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="333"/>
        <source>Unreadable files: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="335"/>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../ui/cases.py" line="59"/>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="63"/>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="66"/>
        <source>the lab&apos;s case number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="68"/>
        <source>YYYY-MM-DD (optional; wins over age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="70"/>
        <source>years, e.g. 42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="72"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="72"/>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="73"/>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="73"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="76"/>
        <source>PB — peripheral blood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="77"/>
        <source>BM — bone marrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="85"/>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="86"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="87"/>
        <source>Accession no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="88"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="88"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="89"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="89"/>
        <source>Sample type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="90"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="90"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="96"/>
        <source>Create case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="117"/>
        <source>Enter the patient ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="121"/>
        <source>Date of birth should be a past date, YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="125"/>
        <source>Notes are limited to %d characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/cases.py" line="129"/>
        <source>Age should be a number of years (0-130).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../ui/report_page.py" line="71"/>
        <source>Refresh preview</source>
        <translation>Atualizar pré-visualização</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="73"/>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="75"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="77"/>
        <source>Open in PDF viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="79"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="81"/>
        <source>Export FHIR JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="83"/>
        <source>Export HL7…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="89"/>
        <source>Open a case to see its report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="125"/>
        <source>Opening the signed report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="130"/>
        <source>Building the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="151"/>
        <source> (no preview: pdftoppm is not installed; use Open in PDF viewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="154"/>
        <source>Report (preliminary until signed): %s%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="157"/>
        <source>amendment %d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="158"/>
        <source>version 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="159"/>
        <source> — WARNING: the file no longer matches its recorded sha256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="161"/>
        <source>Signed report, %s, archived (sha256 %s…): %s%s%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="168"/>
        <source>The report could not be written: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="173"/>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="175"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="178"/>
        <source>Report saved to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="188"/>
        <source>Printing through the system PDF viewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="201"/>
        <source>Preparing the pages for the printer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="207"/>
        <source>the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="208"/>
        <source>%d page(s) sent to %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="209"/>
        <source>Nothing was printed: the printer could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="216"/>
        <source>Printing failed: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="244"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="245"/>
        <source>HL7 v2 (*.hl7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="246"/>
        <source>FHIR JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="253"/>
        <location filename="../ui/report_page.py" line="259"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/report_page.py" line="261"/>
        <source>Exported %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../ui/review_actions.py" line="60"/>
        <source>Signed case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="61"/>
        <source>This case is signed. Reopen it (the reopening is audited) to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="75"/>
        <source>Reclassify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="77"/>
        <source>%d cell(s) marked %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="80"/>
        <source>Remove cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="82"/>
        <source>%d cell(s) removed as false detections (Edit &gt; Undo brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="116"/>
        <source>Add cell</source>
        <translation type="unfinished">Adicionar célula</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="120"/>
        <source>Cell added: press its class key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="131"/>
        <source>Include field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="135"/>
        <location filename="../ui/review_actions.py" line="139"/>
        <source>Exclude field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="136"/>
        <source>Why is %s left out of the counts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="149"/>
        <location filename="../ui/review_actions.py" line="154"/>
        <source>Delete field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="150"/>
        <source>Take %s out of this case? The image stays in the data folder and the audit log records it; Edit &gt; Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="156"/>
        <source>Field %s deleted from the case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../ui/review.py" line="76"/>
        <source>Field image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="78"/>
        <source>Cell gallery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="118"/>
        <source>Review tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="132"/>
        <source>Outlines</source>
        <translation>Contornos</translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="133"/>
        <source>Outlines and labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="135"/>
        <source>Heat map</source>
        <translation>Mapa de calor</translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="137"/>
        <source>Zoom +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="138"/>
        <source>Zoom −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="139"/>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="141"/>
        <source>Add cell</source>
        <translation>Adicionar célula</translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="142"/>
        <source>Draw the box of a missed cell on the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="143"/>
        <source>Remove [Del]</source>
        <translation>Remover [Del]</translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="145"/>
        <source>Remove the selected cells as false detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="146"/>
        <source>Unidentified [0]</source>
        <translation>Não identificada [0]</translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="229"/>
        <source>Include</source>
        <translation>Incluir</translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="229"/>
        <source>Exclude…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="237"/>
        <source>Heat maps exist only for fields analysed since the case was opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review.py" line="285"/>
        <source>Signed: read-only. Reopen the case to change labels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings.py" line="107"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="112"/>
        <location filename="../ui/settings.py" line="187"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="113"/>
        <source>Cases and images are kept here; a change takes effect after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="119"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="120"/>
        <source>Detecting accelerators…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="123"/>
        <source>Detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="124"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="124"/>
        <source>models not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="127"/>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="129"/>
        <source>CPU threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="157"/>
        <source>Estimate from red-cell size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="130"/>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="132"/>
        <source>100 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="133"/>
        <source>200 cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="135"/>
        <source>Count target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="137"/>
        <source>Lab name (report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="139"/>
        <source>Lab logo (report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="144"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="145"/>
        <source>A new language takes effect after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="182"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="189"/>
        <source>Lab logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings.py" line="190"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../ui/signoff.py" line="49"/>
        <source>Sign case</source>
        <translation>Assinar o caso</translation>
    </message>
    <message>
        <location filename="../ui/signoff.py" line="53"/>
        <source>Summary to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signoff.py" line="55"/>
        <location filename="../ui/signoff.py" line="62"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signoff.py" line="58"/>
        <location filename="../ui/signoff.py" line="63"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signoff.py" line="66"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signoff.py" line="70"/>
        <source>You are signing this case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signoff.py" line="86"/>
        <source>Not signed: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../ui/summary_panel.py" line="93"/>
        <location filename="../ui/summary_panel.py" line="99"/>
        <source>Flags</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="94"/>
        <source>ALL screen result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="95"/>
        <source>Differential (% of white cells; green: adult range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="101"/>
        <source>Sign-off</source>
        <translation>Assinatura</translation>
    </message>
    <message>
        <source>Reviewer&apos;s name</source>
        <translation type="vanished">Nome do revisor</translation>
    </message>
    <message>
        <source>Sign case</source>
        <translation type="vanished">Assinar o caso</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="106"/>
        <source>not logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="107"/>
        <source>Logged-in user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="108"/>
        <source>Logged-in user: changes are recorded under this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="110"/>
        <source>Sign case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="112"/>
        <source>Reopen…</source>
        <translation>Reabrir…</translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="136"/>
        <source>No results yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="140"/>
        <source>%d of %d cells counted · %d/%d fields used · %d unidentified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="149"/>
        <source>No flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="157"/>
        <source>blasts: %d (%.0f%% of white cells)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="158"/>
        <source>field model: not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="159"/>
        <source>field model: malignant probability %.0f%%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="161"/>
        <source>ALL SUSPECTED — %s; %s
(screening aid: confirm by morphology and flow cytometry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="165"/>
        <source>ALL screen: review needed — %s; %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="168"/>
        <source>ALL screen not applicable: no usable field could be classified; %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summary_panel.py" line="172"/>
        <source>ALL screen negative — %s; %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../ui/about.py" line="17"/>
        <source>About Blood smear screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about.py" line="26"/>
        <source>a screening aid for trained laboratory staff: white-cell differential and acute lymphoblastic leukaemia (ALL) screening of stained blood films. It is not a diagnosis; every finding must be confirmed by microscopy of the stained smear by a qualified person. Images that are not blood films are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about.py" line="31"/>
        <source>Runs offline: nothing is sent over the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about.py" line="35"/>
        <source>About this application</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
