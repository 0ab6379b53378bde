<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../ui/about.py" line="20" />
            <source>About Blood smear screening</source>
            <translation>Acerca de Cribado en frotis de sangre</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="21" />
            <source>Blood smear screening</source>
            <translation>Cribado en frotis de sangre</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="21" />
            <source>Intended use</source>
            <translation>Uso previsto</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="23" />
            <source>a screening aid for trained laboratory staff: white-cell differential and acute lymphoblastic leukaemia (ALL) screening of stained blood films. It is not a diagnosis; every finding must be confirmed by microscopy of the stained smear by a qualified person. Images that are not blood films are refused.</source>
            <translation>una ayuda al cribado para personal de laboratorio cualificado: fórmula leucocitaria y cribado de leucemia linfoblástica aguda (ALL) en frotis de sangre teñidos. No es un diagnóstico; todo hallazgo debe confirmarlo una persona cualificada mediante el examen microscópico del frotis teñido. Las imágenes que no son frotis de sangre se rechazan.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="27" />
            <source>Models</source>
            <translation>Modelos</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="28" />
            <source>Runs offline: nothing is sent over the network.</source>
            <translation>Funciona sin conexión: no se envía nada por la red.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="35" />
            <source>About this application</source>
            <translation>Acerca de esta aplicación</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="46" />
            <source>Models not loaded.</source>
            <translation>Modelos no cargados.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="47" />
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="47" />
            <source>Version</source>
            <translation>Versión</translation>
        </message>
    </context>
    <context>
        <name>AccountForm</name>
        <message>
            <location filename="../ui/login.py" line="75" />
            <source>Create account</source>
            <translation>Crear cuenta</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="78" />
            <location filename="../ui/login.py" line="87" />
            <source>User name</source>
            <translation>Nombre de usuario</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="80" />
            <location filename="../ui/login.py" line="88" />
            <source>Full name</source>
            <translation>Nombre completo</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="83" />
            <location filename="../ui/login.py" line="90" />
            <source>Role</source>
            <translation>Función</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="84" />
            <location filename="../ui/login.py" line="91" />
            <source>Password</source>
            <translation>Contraseña</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="85" />
            <location filename="../ui/login.py" line="92" />
            <source>Repeat password</source>
            <translation>Repita la contraseña</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="86" />
            <source>at least %d characters</source>
            <translation>al menos %d caracteres</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="96" />
            <source>The two passwords differ.</source>
            <translation>Las dos contraseñas no coinciden.</translation>
        </message>
    </context>
    <context>
        <name>AcquisitionPage</name>
        <message>
            <location filename="../ui/acquisition.py" line="53" />
            <source>Create or open a case to capture fields.</source>
            <translation>Cree o abra un caso para capturar campos.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="60" />
            <location filename="../ui/acquisition.py" line="146" />
            <source>Start preview</source>
            <translation>Iniciar vista previa</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="64" />
            <source>Source</source>
            <translation>Fuente</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="64" />
            <source>Resolution</source>
            <translation>Resolución</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="72" />
            <source>Choose a source and press Start preview.
You can also drop image files or folders here.</source>
            <translation>Elija una fuente y pulse Iniciar vista previa.
También puede soltar aquí archivos o carpetas de imágenes.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="91" />
            <source>Camera %d</source>
            <translation>Cámara %d</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="92" />
            <source>Image folder (no camera)…</source>
            <translation>Carpeta de imágenes (sin cámara)…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="93" />
            <source>Video file (no camera)…</source>
            <translation>Archivo de vídeo (sin cámara)…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="96" />
            <source>No camera found. Plug in the microscope camera, or choose an image folder or a video file as the source and press Start preview.

You can also drop image files or folders here to import them.</source>
            <translation>No se encontró ninguna cámara. Conecte la cámara del microscopio, o elija como fuente una carpeta de imágenes o un archivo de vídeo y pulse Iniciar vista previa.

También puede soltar aquí archivos o carpetas de imágenes para importarlos.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="111" />
            <source>Folder of field images</source>
            <translation>Carpeta de imágenes de campos</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="113" />
            <source>Video file</source>
            <translation>Archivo de vídeo</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="114" />
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)</source>
            <translation>Vídeos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="137" />
            <source>Opening %s…</source>
            <translation>Abriendo %s…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="138" />
            <source>Stop preview</source>
            <translation>Detener vista previa</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="145" />
            <source>Preview stopped.</source>
            <translation>Vista previa detenida.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="162" />
            <source>%d fps</source>
            <translation>%d fps</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="165" />
            <source>Camera disconnected: %s. Reconnecting… The %d field(s) of this case are saved.</source>
            <translation>Cámara desconectada: %s. Reconectando… Los %d campo(s) de este caso están guardados.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="168" />
            <source>Waiting for the camera to come back…</source>
            <translation>Esperando a que vuelva la cámara…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="169" />
            <source>No picture</source>
            <translation>Sin imagen</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="178" />
            <source>Cannot open the source: %s</source>
            <translation>No se puede abrir la fuente: %s</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="184" />
            <source>Create or open a case before capturing.</source>
            <translation>Cree o abra un caso antes de capturar.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="188" />
            <source>No picture to capture: start the preview first.</source>
            <translation>No hay imagen que capturar: inicie primero la vista previa.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="194" />
            <source>Field %d captured.</source>
            <translation>Campo %d capturado.</translation>
        </message>
    </context>
    <context>
        <name>CapturePanel</name>
        <message>
            <location filename="../ui/capture_panel.py" line="39" />
            <source>Image quality</source>
            <translation>Calidad de imagen</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="44" />
            <location filename="../ui/capture_panel.py" line="126" />
            <source>Exposure: —</source>
            <translation>Exposición: —</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="50" />
            <source>Capture field  [Space]</source>
            <translation>Capturar campo  [Espacio]</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="54" />
            <source>White cells counted</source>
            <translation>Leucocitos contados</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="62" />
            <source>%v of %m cells</source>
            <translation>%v de %m células</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="64" />
            <source>No case open.</source>
            <translation>Ningún caso abierto.</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="77" />
            <source>Import images</source>
            <translation>Importar imágenes</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="80" />
            <source>Files…</source>
            <translation>Archivos…</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="82" />
            <source>Folder…</source>
            <translation>Carpeta…</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="88" />
            <source>%v of %m</source>
            <translation>%v de %m</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="91" />
            <source>Cancel import</source>
            <translation>Cancelar importación</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="94" />
            <source>…or drop files and folders on this page.</source>
            <translation>…o suelte archivos y carpetas en esta página.</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="98" />
            <source>Import the duplicates anyway</source>
            <translation>Importar los duplicados de todos modos</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="108" />
            <source>Focus: %.0f</source>
            <translation>Enfoque: %.0f</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="112" />
            <source>Exposure: %.0f%% black, %.0f%% white</source>
            <translation>Exposición: %.0f %% negro, %.0f %% blanco</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="115" />
            <source>Not usable: %s</source>
            <translation>No utilizable: %s</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="119" />
            <source>Good to capture</source>
            <translation>Listo para capturar</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="125" />
            <source>Focus: —</source>
            <translation>Enfoque: —</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="140" />
            <source>Import field images</source>
            <translation>Importar imágenes de campos</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="141" />
            <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)</source>
            <translation>Imágenes (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="147" />
            <source>Import a folder of images</source>
            <translation>Importar una carpeta de imágenes</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="157" />
            <source>Saving %d of %d…</source>
            <translation>Guardando %d de %d…</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="172" />
            <source>%s
%d field(s)</source>
            <translation>%s
%d campo(s)</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="174" />
            <source>, %d being analysed</source>
            <translation>, %d en análisis</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="176" />
            <source>Target reached: go to Review.</source>
            <translation>Objetivo alcanzado: pase a Revisión.</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <location filename="../ui/case_actions.py" line="59" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>es</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="85" />
            <source>Amendment %d signed by %s; both versions of the report are kept.</source>
            <translation>Rectificación %d firmada por %s; se conservan las dos versiones del informe.</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="88" />
            <source>Case signed by %s; the report is archived.</source>
            <translation>Caso firmado por %s; el informe queda archivado.</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="101" />
            <source>Reopen case</source>
            <translation>Reabrir el caso</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="102" />
            <source>Why is the signed case reopened?</source>
            <translation>¿Por qué se reabre el caso firmado?</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="108" />
            <source>Case reopened: signing again archives an amendment; the signed versions are kept.</source>
            <translation>Caso reabierto: al volver a firmar se archiva una rectificación; las versiones firmadas se conservan.</translation>
        </message>
    </context>
    <context>
        <name>CaseSession</name>
        <message>
            <location filename="../ui/session.py" line="134" />
            <source>Signed by %s on %s. Read-only: reopen to change.</source>
            <translation>Firmado por %s el %s. Solo lectura: reabra para modificar.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="136" />
            <source>No fields yet: capture or import some first.</source>
            <translation>Aún no hay campos: capture o importe algunos primero.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="137" />
            <source>%d field(s) still being analysed.</source>
            <translation>%d campo(s) aún en análisis.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="138" />
            <source>%d field(s) could not be analysed: re-run them (Review &gt; Re-analyse failed) first.</source>
            <translation>%d campo(s) no se pudieron analizar: vuelva a analizarlos primero (Revisión &gt; Reanalizar campos fallidos).</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="140" />
            <source>Log in to sign.</source>
            <translation>Inicie sesión para firmar.</translation>
        </message>
    </context>
    <context>
        <name>CasesPage</name>
        <message>
            <location filename="../ui/cases.py" line="146" />
            <source>Search patient ID, name, case number or date (YYYY-MM-DD)</source>
            <translation>Buscar por ID del paciente, nombre, n.º de caso o fecha (AAAA-MM-DD)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="149" />
            <source>Search cases</source>
            <translation>Buscar casos</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="151" />
            <source>All statuses</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="151" />
            <location filename="../ui/cases.py" line="161" />
            <source>Open</source>
            <translation>Abrir</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="152" />
            <source>Analysed</source>
            <translation>Analizado</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="152" />
            <source>Signed</source>
            <translation>Firmado</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="159" />
            <source>New case…</source>
            <translation>Nuevo caso…</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="166" />
            <source>from</source>
            <translation>desde</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="168" />
            <source>to</source>
            <translation>hasta</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="183" />
            <source>No cases yet. Press “New case…” to start one.</source>
            <translation>Aún no hay casos. Pulse «Nuevo caso…» para crear uno.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="219" />
            <source>Cases</source>
            <translation>Casos</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="233" />
            <source>No case matches “%s”.</source>
            <translation>Ningún caso coincide con «%s».</translation>
        </message>
    </context>
    <context>
        <name>CellGallery</name>
        <message>
            <location filename="../ui/gallery.py" line="230" />
            <source>added by reviewer: %s</source>
            <translation>añadida por el revisor: %s</translation>
        </message>
        <message>
            <location filename="../ui/gallery.py" line="233" />
            <source>reviewed: %s (model: %s %s)</source>
            <translation>revisada: %s (modelo: %s %s)</translation>
        </message>
        <message>
            <location filename="../ui/gallery.py" line="235" />
            <source>✓ confirmed (model %s)</source>
            <translation>✓ confirmada (modelo %s)</translation>
        </message>
        <message>
            <location filename="../ui/gallery.py" line="244" />
            <source>%s, cell %d: %s</source>
            <translation>%s, célula %d: %s</translation>
        </message>
    </context>
    <context>
        <name>CellList</name>
        <message>
            <location filename="../ui/gallery.py" line="70" />
            <source>Cells: %s</source>
            <translation>Células: %s</translation>
        </message>
        <message>
            <location filename="../ui/gallery.py" line="131" />
            <source>none (drop cells here)</source>
            <translation>ninguna (suelte células aquí)</translation>
        </message>
    </context>
    <context>
        <name>DifferentialChart</name>
        <message>
            <location filename="../ui/summary_panel.py" line="54" />
            <source>No cells counted yet</source>
            <translation>Aún no se han contado células</translation>
        </message>
    </context>
    <context>
        <name>EngineEvents</name>
        <message>
            <location filename="../ui/engine_events.py" line="82" />
            <source>Open an unsigned case before importing images.</source>
            <translation>Abra un caso sin firmar antes de importar imágenes.</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="131" />
            <source>%d image(s) saved.</source>
            <translation>%d imagen(es) guardada(s).</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="133" />
            <source>Import cancelled: %d image(s) saved, %d not imported.</source>
            <translation>Importación cancelada: %d imagen(es) guardada(s), %d sin importar.</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="136" />
            <source>%d already in this case (same image), not imported again: %s</source>
            <translation>%d ya en este caso (misma imagen), no se vuelven a importar: %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="140" />
            <source>%d refused, not a blood film (see Review: analyse anyway is possible): %s</source>
            <translation>%d rechazada(s), no es un frotis de sangre (vea Revisión: se puede analizar de todos modos): %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="144" />
            <source>%d could not be read: %s</source>
            <translation>%d no se pudieron leer: %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="174" />
            <source>Models not loaded</source>
            <translation>Modelos no cargados</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="198" />
            <source>the analysis engine stopped; restart the app</source>
            <translation>el motor de análisis se detuvo; reinicie la aplicación</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="199" />
            <source>Engine stopped</source>
            <translation>Motor detenido</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="217" />
            <source>Analysing: %d field(s) waiting</source>
            <translation>Analizando: %d campo(s) en espera</translation>
        </message>
    </context>
    <context>
        <name>FieldList</name>
        <message>
            <location filename="../ui/field_list.py" line="53" />
            <source>Fields of the case</source>
            <translation>Campos del caso</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="61" />
            <source>Analysed anyway, although refused: %s</source>
            <translation>Analizado de todos modos, aunque rechazado: %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="63" />
            <source>Excluded by the reviewer: %s</source>
            <translation>Excluido por el revisor: %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="67" />
            <source>Excluded from the counts: %s</source>
            <translation>Excluido de los recuentos: %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="35" />
            <source>⚠ not analysed</source>
            <translation>⚠ no analizado</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="37" />
            <source>analysing…</source>
            <translation>analizando…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="39" />
            <source>excluded (reviewer)</source>
            <translation>excluido (revisor)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="41" />
            <source>excluded (quality)</source>
            <translation>excluido (calidad)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="43" />
            <source>1 cell</source>
            <translation>1 célula</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="43" />
            <source>%d cells</source>
            <translation>%d células</translation>
        </message>
    </context>
    <context>
        <name>FieldPanel</name>
        <message>
            <location filename="../ui/field_list.py" line="111" />
            <source>Exclude…</source>
            <translation>Excluir…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="112" />
            <source>Leave the field out of the counts (audited)</source>
            <translation>Dejar el campo fuera de los recuentos (queda registrado en la auditoría)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="114" />
            <source>Delete…</source>
            <translation>Eliminar…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="115" />
            <source>Take the field out of the case (audited; the image is kept in the data folder)</source>
            <translation>Quitar el campo del caso (queda registrado en la auditoría; la imagen se conserva en la carpeta de datos)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="118" />
            <source>Re-analyse failed fields</source>
            <translation>Reanalizar campos fallidos</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="120" />
            <source>Refused (not a blood film)</source>
            <translation>Rechazadas (no es un frotis de sangre)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="122" />
            <source>Images refused by the in-scope check</source>
            <translation>Imágenes rechazadas por el control de admisibilidad</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="124" />
            <source>Analyse anyway…</source>
            <translation>Analizar de todos modos…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="125" />
            <source>Analyse the selected refused image although the check says it is not a blood film (audited, said on the report)</source>
            <translation>Analizar la imagen rechazada seleccionada aunque el control indique que no es un frotis de sangre (queda registrado en la auditoría y se indica en el informe)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="130" />
            <source>Fields</source>
            <translation>Campos</translation>
        </message>
    </context>
    <context>
        <name>FirstAccountDialog</name>
        <message>
            <location filename="../ui/login.py" line="114" />
            <source>Create the first account</source>
            <translation>Crear la primera cuenta</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="115" />
            <source>No user account exists in this data folder yet. Create the first one: every change and every sign-off is recorded under a user's name.</source>
            <translation>Todavía no existe ninguna cuenta de usuario en esta carpeta de datos. Cree la primera: cada cambio y cada validación se registran con el nombre de un usuario.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../ui/login.py" line="124" />
            <location filename="../ui/login.py" line="125" />
            <source>Log in</source>
            <translation>Iniciar sesión</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="124" />
            <source>Log in to work on cases.</source>
            <translation>Inicie sesión para trabajar con los casos.</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="128" />
            <location filename="../ui/login.py" line="130" />
            <source>User name</source>
            <translation>Nombre de usuario</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="129" />
            <location filename="../ui/login.py" line="131" />
            <source>Password</source>
            <translation>Contraseña</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../ui/main_window.py" line="80" />
            <source>Blood smear screening</source>
            <translation>Cribado en frotis de sangre</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="103" />
            <source>Case store problem</source>
            <translation>Problema con el almacenamiento de casos</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="119" />
            <source>1  Cases</source>
            <translation>1  Casos</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="120" />
            <source>2  Capture</source>
            <translation>2  Captura</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="120" />
            <source>3  Review</source>
            <translation>3  Revisión</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="121" />
            <source>4  Report</source>
            <translation>4  Informe</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="124" />
            <location filename="../ui/main_window.py" line="299" />
            <source>No case open</source>
            <translation>Ningún caso abierto</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="126" />
            <location filename="../ui/main_window.py" line="325" />
            <source>Loading models…</source>
            <translation>Cargando modelos…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="159" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="160" />
            <source>&amp;New case…</source>
            <translation>&amp;Nuevo caso…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="161" />
            <source>&amp;Find case…</source>
            <translation>&amp;Buscar caso…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="163" />
            <source>&amp;Import images…</source>
            <translation>&amp;Importar imágenes…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="164" />
            <source>&amp;Settings…</source>
            <translation>&amp;Configuración…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="165" />
            <source>&amp;Users…</source>
            <translation>&amp;Usuarios…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="166" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="167" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="168" />
            <location filename="../ui/main_window.py" line="232" />
            <source>&amp;Undo</source>
            <translation>&amp;Deshacer</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="169" />
            <source>&amp;Redo</source>
            <translation>&amp;Rehacer</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="170" />
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="171" />
            <source>&amp;About…</source>
            <translation>&amp;Acerca de…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="217" />
            <source>Undone: %s</source>
            <translation>Deshecho: %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="217" />
            <source>Nothing to undo</source>
            <translation>Nada que deshacer</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="222" />
            <source>Redone: %s</source>
            <translation>Rehecho: %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="222" />
            <source>Nothing to redo</source>
            <translation>Nada que rehacer</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="230" />
            <source>&amp;Undo %s</source>
            <translation>&amp;Deshacer %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="239" />
            <source>Create or open a case to capture fields.</source>
            <translation>Cree o abra un caso para capturar campos.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="241" />
            <source>This case is signed. Reopen it on the Review page to add fields.</source>
            <translation>Este caso está firmado. Reábralo en la página Revisión para añadir campos.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="269" />
            <source>Opening case %d…</source>
            <translation>Abriendo el caso %d…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="300" />
            <source>Case %d · %s %s · %s · %s</source>
            <translation>Caso %d · %s %s · %s · %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="305" />
            <source>Blood smear screening — %s</source>
            <translation>Cribado en frotis de sangre — %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="320" />
            <source>The new data folder is used after a restart.</source>
            <translation>La nueva carpeta de datos se usará tras reiniciar.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="335" />
            <source>%d field image(s) saved just before the app stopped were added back to their cases.</source>
            <translation>%d imagen(es) de campo guardada(s) justo antes de que se cerrara la aplicación se han vuelto a añadir a sus casos.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="338" />
            <source>%d field image(s) are missing from the data folder.</source>
            <translation>Faltan %d imagen(es) de campo en la carpeta de datos.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="341" />
            <source>Unreadable files: %s</source>
            <translation>Archivos ilegibles: %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="343" />
            <source>Recovery</source>
            <translation>Recuperación</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <location filename="../ui/cases.py" line="59" />
            <source>New case</source>
            <translation>Nuevo caso</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="63" />
            <source>required</source>
            <translation>obligatorio</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="66" />
            <source>the lab's case number (optional)</source>
            <translation>número de caso del laboratorio (opcional)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="68" />
            <source>YYYY-MM-DD (optional; wins over age)</source>
            <translation>AAAA-MM-DD (opcional; prevalece sobre la edad)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="70" />
            <source>years, e.g. 42</source>
            <translation>años, p. ej., 42</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="72" />
            <source>unknown</source>
            <translation>desconocido</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="72" />
            <source>female</source>
            <translation>femenino</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="73" />
            <source>male</source>
            <translation>masculino</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="73" />
            <source>other</source>
            <translation>otro</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="76" />
            <source>PB — peripheral blood</source>
            <translation>PB — sangre periférica</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="77" />
            <source>BM — bone marrow</source>
            <translation>BM — médula ósea</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="85" />
            <source>Patient ID</source>
            <translation>ID del paciente</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="86" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="87" />
            <source>Accession no.</source>
            <translation>N.º de petición</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="88" />
            <source>Age</source>
            <translation>Edad</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="88" />
            <source>Date of birth</source>
            <translation>Fecha de nacimiento</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="89" />
            <source>Sex</source>
            <translation>Sexo</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="89" />
            <source>Sample type</source>
            <translation>Tipo de muestra</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="90" />
            <source>Operator</source>
            <translation>Operador</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="90" />
            <source>Notes</source>
            <translation>Notas</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="96" />
            <source>Create case</source>
            <translation>Crear caso</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="117" />
            <source>Enter the patient ID.</source>
            <translation>Introduzca el ID del paciente.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="121" />
            <source>Date of birth should be a past date, YYYY-MM-DD.</source>
            <translation>La fecha de nacimiento debe ser una fecha pasada, en formato AAAA-MM-DD.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="125" />
            <source>Notes are limited to %d characters.</source>
            <translation>Las notas están limitadas a %d caracteres.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="129" />
            <source>Age should be a number of years (0-130).</source>
            <translation>La edad debe ser un número de años (0-130).</translation>
        </message>
    </context>
    <context>
        <name>NewUserDialog</name>
        <message>
            <location filename="../ui/users.py" line="40" />
            <source>New user</source>
            <translation>Nuevo usuario</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="41" />
            <source>A new account for this data folder.</source>
            <translation>Una cuenta nueva para esta carpeta de datos.</translation>
        </message>
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <location filename="../ui/report_page.py" line="71" />
            <source>Refresh preview</source>
            <translation>Actualizar vista previa</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="73" />
            <source>Save PDF…</source>
            <translation>Guardar PDF…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="75" />
            <source>Print…</source>
            <translation>Imprimir…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="77" />
            <source>Open in PDF viewer</source>
            <translation>Abrir en el visor de PDF</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="79" />
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="81" />
            <source>Export FHIR JSON…</source>
            <translation>Exportar FHIR JSON…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="83" />
            <source>Export HL7…</source>
            <translation>Exportar HL7…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="89" />
            <source>Open a case to see its report.</source>
            <translation>Abra un caso para ver su informe.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="125" />
            <source>Opening the signed report…</source>
            <translation>Abriendo el informe firmado…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="130" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>es</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="131" />
            <source>Building the report…</source>
            <translation>Generando el informe…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="152" />
            <source> (no preview: pdftoppm is not installed; use Open in PDF viewer)</source>
            <translation> (sin vista previa: pdftoppm no está instalado; use Abrir en el visor de PDF)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="155" />
            <source>Report (preliminary until signed): %s%s</source>
            <translation>Informe (provisional hasta la firma): %s%s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="158" />
            <source>amendment %d</source>
            <translation>rectificación %d</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="159" />
            <source>version 1</source>
            <translation>versión 1</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="160" />
            <source> — WARNING: the file no longer matches its recorded sha256</source>
            <translation> — AVISO: el archivo ya no coincide con su sha256 registrado</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="162" />
            <source>Signed report, %s, archived (sha256 %s…): %s%s%s</source>
            <translation>Informe firmado, %s, archivado (sha256 %s…): %s%s%s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="169" />
            <source>The report could not be written: %s</source>
            <translation>No se pudo escribir el informe: %s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="174" />
            <source>Save report</source>
            <translation>Guardar informe</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="176" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="179" />
            <source>Report saved to %s</source>
            <translation>Informe guardado en %s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="189" />
            <source>Printing through the system PDF viewer.</source>
            <translation>Impresión mediante el visor de PDF del sistema.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="202" />
            <source>Preparing the pages for the printer…</source>
            <translation>Preparando las páginas para la impresora…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="208" />
            <source>the printer</source>
            <translation>la impresora</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="209" />
            <source>%d page(s) sent to %s.</source>
            <translation>%d página(s) enviada(s) a %s.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="210" />
            <source>Nothing was printed: the printer could not be opened.</source>
            <translation>No se imprimió nada: no se pudo abrir la impresora.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="217" />
            <source>Printing failed: %s</source>
            <translation>Error de impresión: %s</translation>
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
            <translation>Exportar</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="262" />
            <source>Exported %s</source>
            <translation>Exportado: %s</translation>
        </message>
    </context>
    <context>
        <name>ReviewActions</name>
        <message>
            <location filename="../ui/review_actions.py" line="60" />
            <source>Signed case</source>
            <translation>Caso firmado</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="61" />
            <source>This case is signed. Reopen it (the reopening is audited) to change it.</source>
            <translation>Este caso está firmado. Reábralo (la reapertura queda registrada) para modificarlo.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="75" />
            <source>Reclassify</source>
            <translation>Reclasificar</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="77" />
            <source>%d cell(s) marked %s</source>
            <translation>%d célula(s) marcada(s) como %s</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="80" />
            <source>Remove cells</source>
            <translation>Quitar células</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="82" />
            <source>%d cell(s) removed as false detections (Edit &gt; Undo brings them back)</source>
            <translation>%d célula(s) quitada(s) como falsas detecciones (Editar &gt; Deshacer las recupera)</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="116" />
            <source>Add cell</source>
            <translation>Añadir célula</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="120" />
            <source>Cell added: press its class key.</source>
            <translation>Célula añadida: pulse la tecla de su clase.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="131" />
            <source>Include field</source>
            <translation>Incluir campo</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="135" />
            <location filename="../ui/review_actions.py" line="139" />
            <source>Exclude field</source>
            <translation>Excluir campo</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="136" />
            <source>Why is %s left out of the counts?</source>
            <translation>¿Por qué se excluye %s de los recuentos?</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="149" />
            <location filename="../ui/review_actions.py" line="154" />
            <source>Delete field</source>
            <translation>Eliminar campo</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="150" />
            <source>Take %s out of this case? The image stays in the data folder and the audit log records it; Edit &gt; Undo brings it back.</source>
            <translation>¿Quitar %s de este caso? La imagen se conserva en la carpeta de datos y el registro de auditoría lo anota; Editar &gt; Deshacer lo recupera.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="156" />
            <source>Field %s deleted from the case.</source>
            <translation>Campo %s eliminado del caso.</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../ui/review.py" line="77" />
            <source>Field image</source>
            <translation>Imagen del campo</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="79" />
            <source>Cell gallery</source>
            <translation>Galería de células</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="119" />
            <source>Review tools</source>
            <translation>Herramientas de revisión</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="133" />
            <source>Outlines</source>
            <translation>Contornos</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="134" />
            <source>Outlines and labels</source>
            <translation>Contornos y etiquetas</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="136" />
            <source>Heat map</source>
            <translation>Mapa de calor</translation>
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
            <translation>Ajustar</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="142" />
            <source>Add cell</source>
            <translation>Añadir célula</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="143" />
            <source>Draw the box of a missed cell on the field</source>
            <translation>Dibujar el recuadro de una célula no detectada en el campo</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="144" />
            <source>Remove [Del]</source>
            <translation>Quitar [Supr]</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="146" />
            <source>Remove the selected cells as false detections</source>
            <translation>Quitar las células seleccionadas como falsas detecciones</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="147" />
            <source>Unidentified [0]</source>
            <translation>No identificada [0]</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="230" />
            <source>Include</source>
            <translation>Incluir</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="230" />
            <source>Exclude…</source>
            <translation>Excluir…</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="238" />
            <source>Heat maps exist only for fields analysed since the case was opened.</source>
            <translation>Los mapas de calor solo existen para los campos analizados desde que se abrió el caso.</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="286" />
            <source>Signed: read-only. Reopen the case to change labels.</source>
            <translation>Firmado: solo lectura. Reabra el caso para cambiar las etiquetas.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../ui/settings.py" line="107" />
            <source>Settings</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="112" />
            <location filename="../ui/settings.py" line="187" />
            <source>Data folder</source>
            <translation>Carpeta de datos</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="113" />
            <source>Cases and images are kept here; a change takes effect after a restart.</source>
            <translation>Los casos y las imágenes se guardan aquí; un cambio se aplica tras reiniciar.</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="119" />
            <source>Backend</source>
            <translation>Motor de cálculo</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="120" />
            <source>Detecting accelerators…</source>
            <translation>Detectando aceleradores…</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="123" />
            <source>Detected</source>
            <translation>Detectados</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="124" />
            <source>In use</source>
            <translation>En uso</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="124" />
            <source>models not loaded</source>
            <translation>modelos no cargados</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="127" />
            <source>automatic</source>
            <translation>automático</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="129" />
            <source>CPU threads</source>
            <translation>Hilos de CPU</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="157" />
            <source>Estimate from red-cell size</source>
            <translation>Estimar a partir del tamaño de los hematíes</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="130" />
            <source>Scale</source>
            <translation>Escala</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="132" />
            <source>100 cells</source>
            <translation>100 células</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="133" />
            <source>200 cells</source>
            <translation>200 células</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="135" />
            <source>Count target</source>
            <translation>Objetivo de recuento</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="137" />
            <source>Lab name (report)</source>
            <translation>Nombre del laboratorio (informe)</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="139" />
            <source>Lab logo (report)</source>
            <translation>Logotipo del laboratorio (informe)</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="144" />
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="145" />
            <source>A new language takes effect after a restart.</source>
            <translation>Un nuevo idioma se aplica tras reiniciar.</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="182" />
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="189" />
            <source>Lab logo</source>
            <translation>Logotipo del laboratorio</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="190" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
        </message>
    </context>
    <context>
        <name>SignOffDialog</name>
        <message>
            <location filename="../ui/signoff.py" line="59" />
            <source>Sign case</source>
            <translation>Firmar el caso</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="65" />
            <source>Summary to confirm</source>
            <translation>Resumen a confirmar</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="67" />
            <location filename="../ui/signoff.py" line="74" />
            <source>User name</source>
            <translation>Nombre de usuario</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="70" />
            <location filename="../ui/signoff.py" line="75" />
            <source>Password</source>
            <translation>Contraseña</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="78" />
            <source>Sign</source>
            <translation>Firmar</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="83" />
            <source>You are signing this case:</source>
            <translation>Está firmando este caso:</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="102" />
            <source>Signing and archiving the report…</source>
            <translation>Firmando y archivando el informe…</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="112" />
            <source>Not signed: %s</source>
            <translation>No firmado: %s</translation>
        </message>
    </context>
    <context>
        <name>SummaryPanel</name>
        <message>
            <location filename="../ui/summary_panel.py" line="94" />
            <location filename="../ui/summary_panel.py" line="100" />
            <source>Flags</source>
            <translation>Alertas</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="95" />
            <source>ALL screen result</source>
            <translation>Resultado del cribado de ALL</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="96" />
            <source>Differential (% of white cells; green: adult range)</source>
            <translation>Fórmula leucocitaria (% de leucocitos; verde: intervalo de referencia del adulto)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="102" />
            <source>Sign-off</source>
            <translation>Validación</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="107" />
            <source>not logged in</source>
            <translation>sin sesión iniciada</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="108" />
            <source>Logged-in user</source>
            <translation>Usuario conectado</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="109" />
            <source>Logged-in user: changes are recorded under this name</source>
            <translation>Usuario conectado: los cambios se registran con este nombre</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="111" />
            <source>Sign case…</source>
            <translation>Firmar el caso…</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="113" />
            <source>Reopen…</source>
            <translation>Reabrir…</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="137" />
            <source>No results yet.</source>
            <translation>Aún no hay resultados.</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="141" />
            <source>%d of %d cells counted · %d/%d fields used · %d unidentified</source>
            <translation>%d de %d células contadas · %d/%d campos utilizados · %d no identificadas</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="146" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>es</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="152" />
            <source>No flags.</source>
            <translation>Sin alertas.</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="160" />
            <source>blasts: %d (%.0f%% of white cells)</source>
            <translation>blastos: %d (%.0f %% de los leucocitos)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="161" />
            <source>field model: not applicable</source>
            <translation>modelo de campo: no aplicable</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="162" />
            <source>field model: malignant probability %.0f%%</source>
            <translation>modelo de campo: probabilidad de malignidad %.0f %%</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="164" />
            <source>ALL SUSPECTED — %s; %s
(screening aid: confirm by morphology and flow cytometry)</source>
            <translation>SOSPECHA DE ALL — %s; %s
(ayuda al cribado: confirmar por morfología y citometría de flujo)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="168" />
            <source>ALL screen: review needed — %s; %s</source>
            <translation>Cribado de ALL: revisión necesaria — %s; %s</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="171" />
            <source>ALL screen not applicable: no usable field could be classified; %s</source>
            <translation>Cribado de ALL no aplicable: no se pudo clasificar ningún campo utilizable; %s</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="175" />
            <source>ALL screen negative — %s; %s</source>
            <translation>Cribado de ALL negativo — %s; %s</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <location filename="../ui/users.py" line="49" />
            <source>Users</source>
            <translation>Usuarios</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="54" />
            <source>User accounts</source>
            <translation>Cuentas de usuario</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="57" />
            <source>New user…</source>
            <translation>Nuevo usuario…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="58" />
            <source>Reset password…</source>
            <translation>Restablecer contraseña…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="59" />
            <source>Close account</source>
            <translation>Cerrar cuenta</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="60" />
            <source>Change my password…</source>
            <translation>Cambiar mi contraseña…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="73" />
            <source>Only an administrator adds or closes accounts.</source>
            <translation>Solo un administrador añade o cierra cuentas.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="92" />
            <source>Account %s created.</source>
            <translation>Cuenta %s creada.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="99" />
            <source>Reset password</source>
            <translation>Restablecer contraseña</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="100" />
            <source>New password for %s:</source>
            <translation>Nueva contraseña para %s:</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="104" />
            <source>Password of %s reset.</source>
            <translation>Contraseña de %s restablecida.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="110" />
            <source>Account %s closed.</source>
            <translation>Cuenta %s cerrada.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="113" />
            <location filename="../ui/users.py" line="117" />
            <source>Change my password</source>
            <translation>Cambiar mi contraseña</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="114" />
            <source>Current password:</source>
            <translation>Contraseña actual:</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="118" />
            <source>New password:</source>
            <translation>Nueva contraseña:</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="121" />
            <source>Your password was changed.</source>
            <translation>Su contraseña se ha cambiado.</translation>
        </message>
    </context>
    <context>
        <name>SignOff</name>
        <message>
            <location filename="../ui/signoff.py" line="38" />
            <source>White cells counted: %d of %d target</source>
            <translation>Leucocitos contados: %d de un objetivo de %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="40" />
            <source>BELOW TARGET</source>
            <translation>POR DEBAJO DEL OBJETIVO</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="42" />
            <source>Unidentified cells: %d</source>
            <translation>Células no identificadas: %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="43" />
            <source>Fields used: %d of %d; excluded by the reviewer: %d</source>
            <translation>Campos utilizados: %d de %d; excluidos por el revisor: %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="45" />
            <source>Blasts: %d</source>
            <translation>Blastos: %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="47" />
            <source>Flags: none</source>
            <translation>Alertas: ninguna</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="48" />
            <source>en</source>
            <translation>es</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="49" />
            <source>Flags:</source>
            <translation>Alertas:</translation>
        </message>
    </context>
</TS>