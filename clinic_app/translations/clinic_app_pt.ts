<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../ui/about.py" line="20" />
            <source>About Blood smear screening</source>
            <translation>Sobre Triagem em esfregaço de sangue</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="21" />
            <source>Blood smear screening</source>
            <translation>Triagem em esfregaço de sangue</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="21" />
            <source>Intended use</source>
            <translation>Uso pretendido</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="23" />
            <source>a screening aid for trained laboratory staff: white-cell differential and acute lymphoblastic leukaemia (ALL) screening of stained blood films. It is not a diagnosis; every finding must be confirmed by microscopy of the stained smear by a qualified person. Images that are not blood films are refused.</source>
            <translation>um auxílio à triagem para profissionais de laboratório capacitados: leucograma diferencial e triagem de leucemia linfoblástica aguda (ALL) em esfregaços de sangue corados. Não é um diagnóstico; todo achado deve ser confirmado por uma pessoa qualificada, por microscopia do esfregaço corado. Imagens que não são esfregaços de sangue são recusadas.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="27" />
            <source>Models</source>
            <translation>Modelos</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="28" />
            <source>Runs offline: nothing is sent over the network.</source>
            <translation>Funciona offline: nada é enviado pela rede.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="35" />
            <source>About this application</source>
            <translation>Sobre este aplicativo</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="46" />
            <source>Models not loaded.</source>
            <translation>Modelos não carregados.</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="47" />
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <location filename="../ui/about.py" line="47" />
            <source>Version</source>
            <translation>Versão</translation>
        </message>
    </context>
    <context>
        <name>AccountForm</name>
        <message>
            <location filename="../ui/login.py" line="75" />
            <source>Create account</source>
            <translation>Criar conta</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="78" />
            <location filename="../ui/login.py" line="87" />
            <source>User name</source>
            <translation>Nome de usuário</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="80" />
            <location filename="../ui/login.py" line="88" />
            <source>Full name</source>
            <translation>Nome completo</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="83" />
            <location filename="../ui/login.py" line="90" />
            <source>Role</source>
            <translation>Função</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="84" />
            <location filename="../ui/login.py" line="91" />
            <source>Password</source>
            <translation>Senha</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="85" />
            <location filename="../ui/login.py" line="92" />
            <source>Repeat password</source>
            <translation>Repita a senha</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="86" />
            <source>at least %d characters</source>
            <translation>pelo menos %d caracteres</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="96" />
            <source>The two passwords differ.</source>
            <translation>As duas senhas não coincidem.</translation>
        </message>
    </context>
    <context>
        <name>AcquisitionPage</name>
        <message>
            <location filename="../ui/acquisition.py" line="53" />
            <source>Create or open a case to capture fields.</source>
            <translation>Crie ou abra um caso para capturar campos.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="60" />
            <location filename="../ui/acquisition.py" line="146" />
            <source>Start preview</source>
            <translation>Iniciar pré-visualização</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="64" />
            <source>Source</source>
            <translation>Origem</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="64" />
            <source>Resolution</source>
            <translation>Resolução</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="72" />
            <source>Choose a source and press Start preview.
You can also drop image files or folders here.</source>
            <translation>Escolha uma origem e clique em Iniciar pré-visualização.
Também é possível soltar aqui arquivos ou pastas de imagens.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="91" />
            <source>Camera %d</source>
            <translation>Câmera %d</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="92" />
            <source>Image folder (no camera)…</source>
            <translation>Pasta de imagens (sem câmera)…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="93" />
            <source>Video file (no camera)…</source>
            <translation>Arquivo de vídeo (sem câmera)…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="96" />
            <source>No camera found. Plug in the microscope camera, or choose an image folder or a video file as the source and press Start preview.

You can also drop image files or folders here to import them.</source>
            <translation>Nenhuma câmera encontrada. Conecte a câmera do microscópio, ou escolha como origem uma pasta de imagens ou um arquivo de vídeo e clique em Iniciar pré-visualização.

Também é possível soltar aqui arquivos ou pastas de imagens para importá-los.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="111" />
            <source>Folder of field images</source>
            <translation>Pasta de imagens de campos</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="113" />
            <source>Video file</source>
            <translation>Arquivo de vídeo</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="114" />
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)</source>
            <translation>Vídeos (*.avi *.mp4 *.mkv *.mov *.m4v *.webm)</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="137" />
            <source>Opening %s…</source>
            <translation>Abrindo %s…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="138" />
            <source>Stop preview</source>
            <translation>Parar pré-visualização</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="145" />
            <source>Preview stopped.</source>
            <translation>Pré-visualização parada.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="162" />
            <source>%d fps</source>
            <translation>%d fps</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="165" />
            <source>Camera disconnected: %s. Reconnecting… The %d field(s) of this case are saved.</source>
            <translation>Câmera desconectada: %s. Reconectando… Os %d campo(s) deste caso estão salvos.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="168" />
            <source>Waiting for the camera to come back…</source>
            <translation>Aguardando a câmera voltar…</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="169" />
            <source>No picture</source>
            <translation>Sem imagem</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="178" />
            <source>Cannot open the source: %s</source>
            <translation>Não é possível abrir a origem: %s</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="184" />
            <source>Create or open a case before capturing.</source>
            <translation>Crie ou abra um caso antes de capturar.</translation>
        </message>
        <message>
            <location filename="../ui/acquisition.py" line="188" />
            <source>No picture to capture: start the preview first.</source>
            <translation>Não há imagem para capturar: inicie primeiro a pré-visualização.</translation>
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
            <translation>Qualidade da imagem</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="44" />
            <location filename="../ui/capture_panel.py" line="126" />
            <source>Exposure: —</source>
            <translation>Exposição: —</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="50" />
            <source>Capture field  [Space]</source>
            <translation>Capturar campo  [Espaço]</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="54" />
            <source>White cells counted</source>
            <translation>Leucócitos contados</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="62" />
            <source>%v of %m cells</source>
            <translation>%v de %m células</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="64" />
            <source>No case open.</source>
            <translation>Nenhum caso aberto.</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="77" />
            <source>Import images</source>
            <translation>Importar imagens</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="80" />
            <source>Files…</source>
            <translation>Arquivos…</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="82" />
            <source>Folder…</source>
            <translation>Pasta…</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="88" />
            <source>%v of %m</source>
            <translation>%v de %m</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="91" />
            <source>Cancel import</source>
            <translation>Cancelar importação</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="94" />
            <source>…or drop files and folders on this page.</source>
            <translation>…ou solte arquivos e pastas nesta página.</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="98" />
            <source>Import the duplicates anyway</source>
            <translation>Importar os duplicados mesmo assim</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="108" />
            <source>Focus: %.0f</source>
            <translation>Foco: %.0f</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="112" />
            <source>Exposure: %.0f%% black, %.0f%% white</source>
            <translation>Exposição: %.0f%% preto, %.0f%% branco</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="115" />
            <source>Not usable: %s</source>
            <translation>Não utilizável: %s</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="119" />
            <source>Good to capture</source>
            <translation>Pronto para capturar</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="125" />
            <source>Focus: —</source>
            <translation>Foco: —</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="140" />
            <source>Import field images</source>
            <translation>Importar imagens de campos</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="141" />
            <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)</source>
            <translation>Imagens (*.jpg *.jpeg *.png *.tif *.tiff *.bmp)</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="147" />
            <source>Import a folder of images</source>
            <translation>Importar uma pasta de imagens</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="157" />
            <source>Saving %d of %d…</source>
            <translation>Salvando %d de %d…</translation>
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
            <translation>, %d em análise</translation>
        </message>
        <message>
            <location filename="../ui/capture_panel.py" line="176" />
            <source>Target reached: go to Review.</source>
            <translation>Meta atingida: passe para Revisão.</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <location filename="../ui/case_actions.py" line="59" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>pt</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="85" />
            <source>Amendment %d signed by %s; both versions of the report are kept.</source>
            <translation>Retificação %d assinada por %s; as duas versões do relatório são mantidas.</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="88" />
            <source>Case signed by %s; the report is archived.</source>
            <translation>Caso assinado por %s; o relatório foi arquivado.</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="101" />
            <source>Reopen case</source>
            <translation>Reabrir o caso</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="102" />
            <source>Why is the signed case reopened?</source>
            <translation>Por que o caso assinado está sendo reaberto?</translation>
        </message>
        <message>
            <location filename="../ui/case_actions.py" line="108" />
            <source>Case reopened: signing again archives an amendment; the signed versions are kept.</source>
            <translation>Caso reaberto: ao assinar de novo, uma retificação é arquivada; as versões assinadas são mantidas.</translation>
        </message>
    </context>
    <context>
        <name>CaseSession</name>
        <message>
            <location filename="../ui/session.py" line="134" />
            <source>Signed by %s on %s. Read-only: reopen to change.</source>
            <translation>Assinado por %s em %s. Somente leitura: reabra para alterar.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="136" />
            <source>No fields yet: capture or import some first.</source>
            <translation>Ainda não há campos: capture ou importe alguns primeiro.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="137" />
            <source>%d field(s) still being analysed.</source>
            <translation>%d campo(s) ainda em análise.</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="138" />
            <source>%d field(s) could not be analysed: re-run them (Review &gt; Re-analyse failed) first.</source>
            <translation>%d campo(s) não puderam ser analisados: reanalise-os primeiro (Revisão &gt; Reanalisar campos com falha).</translation>
        </message>
        <message>
            <location filename="../ui/session.py" line="140" />
            <source>Log in to sign.</source>
            <translation>Faça login para assinar.</translation>
        </message>
    </context>
    <context>
        <name>CasesPage</name>
        <message>
            <location filename="../ui/cases.py" line="146" />
            <source>Search patient ID, name, case number or date (YYYY-MM-DD)</source>
            <translation>Procurar por ID do paciente, nome, nº do caso ou data (AAAA-MM-DD)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="149" />
            <source>Search cases</source>
            <translation>Procurar casos</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="151" />
            <source>All statuses</source>
            <translation>Todos os status</translation>
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
            <translation>Analisado</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="152" />
            <source>Signed</source>
            <translation>Assinado</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="159" />
            <source>New case…</source>
            <translation>Novo caso…</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="166" />
            <source>from</source>
            <translation>de</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="168" />
            <source>to</source>
            <translation>até</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="183" />
            <source>No cases yet. Press “New case…” to start one.</source>
            <translation>Ainda não há casos. Clique em “Novo caso…” para criar um.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="219" />
            <source>Cases</source>
            <translation>Casos</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="233" />
            <source>No case matches “%s”.</source>
            <translation>Nenhum caso corresponde a “%s”.</translation>
        </message>
    </context>
    <context>
        <name>CellGallery</name>
        <message>
            <location filename="../ui/gallery.py" line="230" />
            <source>added by reviewer: %s</source>
            <translation>adicionada pelo revisor: %s</translation>
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
            <translation>nenhuma (solte células aqui)</translation>
        </message>
    </context>
    <context>
        <name>DifferentialChart</name>
        <message>
            <location filename="../ui/summary_panel.py" line="54" />
            <source>No cells counted yet</source>
            <translation>Nenhuma célula contada ainda</translation>
        </message>
    </context>
    <context>
        <name>EngineEvents</name>
        <message>
            <location filename="../ui/engine_events.py" line="82" />
            <source>Open an unsigned case before importing images.</source>
            <translation>Abra um caso não assinado antes de importar imagens.</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="131" />
            <source>%d image(s) saved.</source>
            <translation>%d imagem(ns) salva(s).</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="133" />
            <source>Import cancelled: %d image(s) saved, %d not imported.</source>
            <translation>Importação cancelada: %d imagem(ns) salva(s), %d não importada(s).</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="136" />
            <source>%d already in this case (same image), not imported again: %s</source>
            <translation>%d já neste caso (mesma imagem), não importada(s) de novo: %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="140" />
            <source>%d refused, not a blood film (see Review: analyse anyway is possible): %s</source>
            <translation>%d recusada(s), não é um esfregaço de sangue (veja Revisão: é possível analisar mesmo assim): %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="144" />
            <source>%d could not be read: %s</source>
            <translation>%d não puderam ser lidas: %s</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="174" />
            <source>Models not loaded</source>
            <translation>Modelos não carregados</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="198" />
            <source>the analysis engine stopped; restart the app</source>
            <translation>o mecanismo de análise parou; reinicie o aplicativo</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="199" />
            <source>Engine stopped</source>
            <translation>Mecanismo parado</translation>
        </message>
        <message>
            <location filename="../ui/engine_events.py" line="217" />
            <source>Analysing: %d field(s) waiting</source>
            <translation>Analisando: %d campo(s) na fila</translation>
        </message>
    </context>
    <context>
        <name>FieldList</name>
        <message>
            <location filename="../ui/field_list.py" line="53" />
            <source>Fields of the case</source>
            <translation>Campos do caso</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="61" />
            <source>Analysed anyway, although refused: %s</source>
            <translation>Analisado mesmo assim, apesar de recusado: %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="63" />
            <source>Excluded by the reviewer: %s</source>
            <translation>Excluído da contagem pelo revisor: %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="67" />
            <source>Excluded from the counts: %s</source>
            <translation>Excluído das contagens: %s</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="35" />
            <source>⚠ not analysed</source>
            <translation>⚠ não analisado</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="37" />
            <source>analysing…</source>
            <translation>analisando…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="39" />
            <source>excluded (reviewer)</source>
            <translation>fora da contagem (revisor)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="41" />
            <source>excluded (quality)</source>
            <translation>fora da contagem (qualidade)</translation>
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
            <translation>Excluir da contagem…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="112" />
            <source>Leave the field out of the counts (audited)</source>
            <translation>Deixar o campo fora das contagens (registrado na auditoria)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="114" />
            <source>Delete…</source>
            <translation>Apagar…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="115" />
            <source>Take the field out of the case (audited; the image is kept in the data folder)</source>
            <translation>Retirar o campo do caso (registrado na auditoria; a imagem continua na pasta de dados)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="118" />
            <source>Re-analyse failed fields</source>
            <translation>Reanalisar campos com falha</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="120" />
            <source>Refused (not a blood film)</source>
            <translation>Recusadas (não é um esfregaço de sangue)</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="122" />
            <source>Images refused by the in-scope check</source>
            <translation>Imagens recusadas pela verificação de admissibilidade</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="124" />
            <source>Analyse anyway…</source>
            <translation>Analisar mesmo assim…</translation>
        </message>
        <message>
            <location filename="../ui/field_list.py" line="125" />
            <source>Analyse the selected refused image although the check says it is not a blood film (audited, said on the report)</source>
            <translation>Analisar a imagem recusada selecionada, embora a verificação indique que não é um esfregaço de sangue (registrado na auditoria e informado no relatório)</translation>
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
            <translation>Criar a primeira conta</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="115" />
            <source>No user account exists in this data folder yet. Create the first one: every change and every sign-off is recorded under a user's name.</source>
            <translation>Ainda não existe nenhuma conta de usuário nesta pasta de dados. Crie a primeira: cada alteração e cada validação ficam registradas em nome de um usuário.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../ui/login.py" line="124" />
            <location filename="../ui/login.py" line="125" />
            <source>Log in</source>
            <translation>Entrar</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="124" />
            <source>Log in to work on cases.</source>
            <translation>Faça login para trabalhar nos casos.</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="128" />
            <location filename="../ui/login.py" line="130" />
            <source>User name</source>
            <translation>Nome de usuário</translation>
        </message>
        <message>
            <location filename="../ui/login.py" line="129" />
            <location filename="../ui/login.py" line="131" />
            <source>Password</source>
            <translation>Senha</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../ui/main_window.py" line="80" />
            <source>Blood smear screening</source>
            <translation>Triagem em esfregaço de sangue</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="103" />
            <source>Case store problem</source>
            <translation>Problema no armazenamento de casos</translation>
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
            <translation>3  Revisão</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="121" />
            <source>4  Report</source>
            <translation>4  Relatório</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="124" />
            <location filename="../ui/main_window.py" line="299" />
            <source>No case open</source>
            <translation>Nenhum caso aberto</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="126" />
            <location filename="../ui/main_window.py" line="325" />
            <source>Loading models…</source>
            <translation>Carregando modelos…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="159" />
            <source>&amp;File</source>
            <translation>&amp;Arquivo</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="160" />
            <source>&amp;New case…</source>
            <translation>&amp;Novo caso…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="161" />
            <source>&amp;Find case…</source>
            <translation>&amp;Procurar caso…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="163" />
            <source>&amp;Import images…</source>
            <translation>&amp;Importar imagens…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="164" />
            <source>&amp;Settings…</source>
            <translation>&amp;Configurações…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="165" />
            <source>&amp;Users…</source>
            <translation>&amp;Usuários…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="166" />
            <source>&amp;Quit</source>
            <translation>&amp;Sair</translation>
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
            <translation>&amp;Desfazer</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="169" />
            <source>&amp;Redo</source>
            <translation>&amp;Refazer</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="170" />
            <source>&amp;Help</source>
            <translation>A&amp;juda</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="171" />
            <source>&amp;About…</source>
            <translation>&amp;Sobre…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="217" />
            <source>Undone: %s</source>
            <translation>Desfeito: %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="217" />
            <source>Nothing to undo</source>
            <translation>Nada para desfazer</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="222" />
            <source>Redone: %s</source>
            <translation>Refeito: %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="222" />
            <source>Nothing to redo</source>
            <translation>Nada para refazer</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="230" />
            <source>&amp;Undo %s</source>
            <translation>&amp;Desfazer %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="239" />
            <source>Create or open a case to capture fields.</source>
            <translation>Crie ou abra um caso para capturar campos.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="241" />
            <source>This case is signed. Reopen it on the Review page to add fields.</source>
            <translation>Este caso está assinado. Reabra-o na página Revisão para adicionar campos.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="269" />
            <source>Opening case %d…</source>
            <translation>Abrindo o caso %d…</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="300" />
            <source>Case %d · %s %s · %s · %s</source>
            <translation>Caso %d · %s %s · %s · %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="305" />
            <source>Blood smear screening — %s</source>
            <translation>Triagem em esfregaço de sangue — %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="320" />
            <source>The new data folder is used after a restart.</source>
            <translation>A nova pasta de dados será usada após reiniciar.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="335" />
            <source>%d field image(s) saved just before the app stopped were added back to their cases.</source>
            <translation>%d imagem(ns) de campo salva(s) pouco antes de o aplicativo parar foi(ram) readicionada(s) aos respectivos casos.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="338" />
            <source>%d field image(s) are missing from the data folder.</source>
            <translation>Faltam %d imagem(ns) de campo na pasta de dados.</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="341" />
            <source>Unreadable files: %s</source>
            <translation>Arquivos ilegíveis: %s</translation>
        </message>
        <message>
            <location filename="../ui/main_window.py" line="343" />
            <source>Recovery</source>
            <translation>Recuperação</translation>
        </message>
    </context>
    <context>
        <name>NewCaseDialog</name>
        <message>
            <location filename="../ui/cases.py" line="59" />
            <source>New case</source>
            <translation>Novo caso</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="63" />
            <source>required</source>
            <translation>obrigatório</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="66" />
            <source>the lab's case number (optional)</source>
            <translation>número do caso no laboratório (opcional)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="68" />
            <source>YYYY-MM-DD (optional; wins over age)</source>
            <translation>AAAA-MM-DD (opcional; prevalece sobre a idade)</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="70" />
            <source>years, e.g. 42</source>
            <translation>anos, p. ex. 42</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="72" />
            <source>unknown</source>
            <translation>desconhecido</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="72" />
            <source>female</source>
            <translation>feminino</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="73" />
            <source>male</source>
            <translation>masculino</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="73" />
            <source>other</source>
            <translation>outro</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="76" />
            <source>PB — peripheral blood</source>
            <translation>PB — sangue periférico</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="77" />
            <source>BM — bone marrow</source>
            <translation>BM — medula óssea</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="85" />
            <source>Patient ID</source>
            <translation>ID do paciente</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="86" />
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="87" />
            <source>Accession no.</source>
            <translation>Nº da requisição</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="88" />
            <source>Age</source>
            <translation>Idade</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="88" />
            <source>Date of birth</source>
            <translation>Data de nascimento</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="89" />
            <source>Sex</source>
            <translation>Sexo</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="89" />
            <source>Sample type</source>
            <translation>Tipo de amostra</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="90" />
            <source>Operator</source>
            <translation>Operador</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="90" />
            <source>Notes</source>
            <translation>Observações</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="96" />
            <source>Create case</source>
            <translation>Criar caso</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="117" />
            <source>Enter the patient ID.</source>
            <translation>Digite o ID do paciente.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="121" />
            <source>Date of birth should be a past date, YYYY-MM-DD.</source>
            <translation>A data de nascimento deve ser uma data passada, no formato AAAA-MM-DD.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="125" />
            <source>Notes are limited to %d characters.</source>
            <translation>As observações estão limitadas a %d caracteres.</translation>
        </message>
        <message>
            <location filename="../ui/cases.py" line="129" />
            <source>Age should be a number of years (0-130).</source>
            <translation>A idade deve ser um número de anos (0-130).</translation>
        </message>
    </context>
    <context>
        <name>NewUserDialog</name>
        <message>
            <location filename="../ui/users.py" line="40" />
            <source>New user</source>
            <translation>Novo usuário</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="41" />
            <source>A new account for this data folder.</source>
            <translation>Uma nova conta para esta pasta de dados.</translation>
        </message>
    </context>
    <context>
        <name>ReportPage</name>
        <message>
            <location filename="../ui/report_page.py" line="71" />
            <source>Refresh preview</source>
            <translation>Atualizar pré-visualização</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="73" />
            <source>Save PDF…</source>
            <translation>Salvar PDF…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="75" />
            <source>Print…</source>
            <translation>Imprimir…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="77" />
            <source>Open in PDF viewer</source>
            <translation>Abrir no visualizador de PDF</translation>
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
            <translation>Abra um caso para ver o relatório.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="125" />
            <source>Opening the signed report…</source>
            <translation>Abrindo o relatório assinado…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="130" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>pt</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="131" />
            <source>Building the report…</source>
            <translation>Gerando o relatório…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="152" />
            <source> (no preview: pdftoppm is not installed; use Open in PDF viewer)</source>
            <translation> (sem pré-visualização: o pdftoppm não está instalado; use Abrir no visualizador de PDF)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="155" />
            <source>Report (preliminary until signed): %s%s</source>
            <translation>Relatório (preliminar até ser assinado): %s%s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="158" />
            <source>amendment %d</source>
            <translation>retificação %d</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="159" />
            <source>version 1</source>
            <translation>versão 1</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="160" />
            <source> — WARNING: the file no longer matches its recorded sha256</source>
            <translation> — AVISO: o arquivo não corresponde mais ao sha256 registrado</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="162" />
            <source>Signed report, %s, archived (sha256 %s…): %s%s%s</source>
            <translation>Relatório assinado, %s, arquivado (sha256 %s…): %s%s%s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="169" />
            <source>The report could not be written: %s</source>
            <translation>Não foi possível gravar o relatório: %s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="174" />
            <source>Save report</source>
            <translation>Salvar relatório</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="176" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="179" />
            <source>Report saved to %s</source>
            <translation>Relatório salvo em %s</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="189" />
            <source>Printing through the system PDF viewer.</source>
            <translation>Imprimindo pelo visualizador de PDF do sistema.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="202" />
            <source>Preparing the pages for the printer…</source>
            <translation>Preparando as páginas para a impressora…</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="208" />
            <source>the printer</source>
            <translation>a impressora</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="209" />
            <source>%d page(s) sent to %s.</source>
            <translation>%d página(s) enviada(s) para %s.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="210" />
            <source>Nothing was printed: the printer could not be opened.</source>
            <translation>Nada foi impresso: não foi possível abrir a impressora.</translation>
        </message>
        <message>
            <location filename="../ui/report_page.py" line="217" />
            <source>Printing failed: %s</source>
            <translation>Falha na impressão: %s</translation>
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
            <translation>Caso assinado</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="61" />
            <source>This case is signed. Reopen it (the reopening is audited) to change it.</source>
            <translation>Este caso está assinado. Reabra-o (a reabertura fica registrada) para alterá-lo.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="75" />
            <source>Reclassify</source>
            <translation>Reclassificar</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="77" />
            <source>%d cell(s) marked %s</source>
            <translation>%d célula(s) marcada(s) como %s</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="80" />
            <source>Remove cells</source>
            <translation>Remover células</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="82" />
            <source>%d cell(s) removed as false detections (Edit &gt; Undo brings them back)</source>
            <translation>%d célula(s) removida(s) como falsas detecções (Editar &gt; Desfazer as restaura)</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="116" />
            <source>Add cell</source>
            <translation>Adicionar célula</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="120" />
            <source>Cell added: press its class key.</source>
            <translation>Célula adicionada: pressione a tecla da classe.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="131" />
            <source>Include field</source>
            <translation>Incluir campo na contagem</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="135" />
            <location filename="../ui/review_actions.py" line="139" />
            <source>Exclude field</source>
            <translation>Excluir campo da contagem</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="136" />
            <source>Why is %s left out of the counts?</source>
            <translation>Por que %s fica fora das contagens?</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="149" />
            <location filename="../ui/review_actions.py" line="154" />
            <source>Delete field</source>
            <translation>Apagar campo</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="150" />
            <source>Take %s out of this case? The image stays in the data folder and the audit log records it; Edit &gt; Undo brings it back.</source>
            <translation>Retirar %s deste caso? A imagem continua na pasta de dados e o registro de auditoria anota a operação; Editar &gt; Desfazer o restaura.</translation>
        </message>
        <message>
            <location filename="../ui/review_actions.py" line="156" />
            <source>Field %s deleted from the case.</source>
            <translation>Campo %s apagado do caso.</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../ui/review.py" line="77" />
            <source>Field image</source>
            <translation>Imagem do campo</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="79" />
            <source>Cell gallery</source>
            <translation>Galeria de células</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="119" />
            <source>Review tools</source>
            <translation>Ferramentas de revisão</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="133" />
            <source>Outlines</source>
            <translation>Contornos</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="134" />
            <source>Outlines and labels</source>
            <translation>Contornos e rótulos</translation>
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
            <translation>Adicionar célula</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="143" />
            <source>Draw the box of a missed cell on the field</source>
            <translation>Desenhar o quadro de uma célula não detectada no campo</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="144" />
            <source>Remove [Del]</source>
            <translation>Remover [Del]</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="146" />
            <source>Remove the selected cells as false detections</source>
            <translation>Remover as células selecionadas como falsas detecções</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="147" />
            <source>Unidentified [0]</source>
            <translation>Não identificada [0]</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="230" />
            <source>Include</source>
            <translation>Incluir na contagem</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="230" />
            <source>Exclude…</source>
            <translation>Excluir da contagem…</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="238" />
            <source>Heat maps exist only for fields analysed since the case was opened.</source>
            <translation>Os mapas de calor só existem para os campos analisados desde que o caso foi aberto.</translation>
        </message>
        <message>
            <location filename="../ui/review.py" line="286" />
            <source>Signed: read-only. Reopen the case to change labels.</source>
            <translation>Assinado: somente leitura. Reabra o caso para alterar os rótulos.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../ui/settings.py" line="107" />
            <source>Settings</source>
            <translation>Configurações</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="112" />
            <location filename="../ui/settings.py" line="187" />
            <source>Data folder</source>
            <translation>Pasta de dados</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="113" />
            <source>Cases and images are kept here; a change takes effect after a restart.</source>
            <translation>Os casos e as imagens ficam aqui; uma alteração vale após reiniciar.</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="119" />
            <source>Backend</source>
            <translation>Mecanismo de cálculo</translation>
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
            <translation>Em uso</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="124" />
            <source>models not loaded</source>
            <translation>modelos não carregados</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="127" />
            <source>automatic</source>
            <translation>automático</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="129" />
            <source>CPU threads</source>
            <translation>Threads de CPU</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="157" />
            <source>Estimate from red-cell size</source>
            <translation>Estimar pelo tamanho das hemácias</translation>
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
            <translation>Meta de contagem</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="137" />
            <source>Lab name (report)</source>
            <translation>Nome do laboratório (relatório)</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="139" />
            <source>Lab logo (report)</source>
            <translation>Logotipo do laboratório (relatório)</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="144" />
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="145" />
            <source>A new language takes effect after a restart.</source>
            <translation>Um novo idioma vale após reiniciar.</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="182" />
            <source>Browse…</source>
            <translation>Procurar…</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="189" />
            <source>Lab logo</source>
            <translation>Logotipo do laboratório</translation>
        </message>
        <message>
            <location filename="../ui/settings.py" line="190" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Imagens (*.png *.jpg *.jpeg)</translation>
        </message>
    </context>
    <context>
        <name>SignOffDialog</name>
        <message>
            <location filename="../ui/signoff.py" line="59" />
            <source>Sign case</source>
            <translation>Assinar o caso</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="65" />
            <source>Summary to confirm</source>
            <translation>Resumo a confirmar</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="67" />
            <location filename="../ui/signoff.py" line="74" />
            <source>User name</source>
            <translation>Nome de usuário</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="70" />
            <location filename="../ui/signoff.py" line="75" />
            <source>Password</source>
            <translation>Senha</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="78" />
            <source>Sign</source>
            <translation>Assinar</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="83" />
            <source>You are signing this case:</source>
            <translation>Você está assinando este caso:</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="102" />
            <source>Signing and archiving the report…</source>
            <translation>Assinando e arquivando o relatório…</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="112" />
            <source>Not signed: %s</source>
            <translation>Não assinado: %s</translation>
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
            <translation>Resultado da triagem de ALL</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="96" />
            <source>Differential (% of white cells; green: adult range)</source>
            <translation>Leucograma diferencial (% dos leucócitos; verde: faixa de referência do adulto)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="102" />
            <source>Sign-off</source>
            <translation>Validação</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="107" />
            <source>not logged in</source>
            <translation>não conectado</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="108" />
            <source>Logged-in user</source>
            <translation>Usuário conectado</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="109" />
            <source>Logged-in user: changes are recorded under this name</source>
            <translation>Usuário conectado: as alterações são registradas com este nome</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="111" />
            <source>Sign case…</source>
            <translation>Assinar o caso…</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="113" />
            <source>Reopen…</source>
            <translation>Reabrir…</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="137" />
            <source>No results yet.</source>
            <translation>Ainda não há resultados.</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="141" />
            <source>%d of %d cells counted · %d/%d fields used · %d unidentified</source>
            <translation>%d de %d células contadas · %d/%d campos utilizados · %d não identificadas</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="146" />
            <source>en</source>
            <comment>language code of the PDF report</comment>
            <translation>pt</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="152" />
            <source>No flags.</source>
            <translation>Sem alertas.</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="160" />
            <source>blasts: %d (%.0f%% of white cells)</source>
            <translation>blastos: %d (%.0f%% dos leucócitos)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="161" />
            <source>field model: not applicable</source>
            <translation>modelo de campo: não aplicável</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="162" />
            <source>field model: malignant probability %.0f%%</source>
            <translation>modelo de campo: probabilidade de malignidade %.0f%%</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="164" />
            <source>ALL SUSPECTED — %s; %s
(screening aid: confirm by morphology and flow cytometry)</source>
            <translation>SUSPEITA DE ALL — %s; %s
(auxílio à triagem: confirmar por morfologia e citometria de fluxo)</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="168" />
            <source>ALL screen: review needed — %s; %s</source>
            <translation>Triagem de ALL: revisão necessária — %s; %s</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="171" />
            <source>ALL screen not applicable: no usable field could be classified; %s</source>
            <translation>Triagem de ALL não aplicável: nenhum campo utilizável pôde ser classificado; %s</translation>
        </message>
        <message>
            <location filename="../ui/summary_panel.py" line="175" />
            <source>ALL screen negative — %s; %s</source>
            <translation>Triagem de ALL negativa — %s; %s</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <location filename="../ui/users.py" line="49" />
            <source>Users</source>
            <translation>Usuários</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="54" />
            <source>User accounts</source>
            <translation>Contas de usuário</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="57" />
            <source>New user…</source>
            <translation>Novo usuário…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="58" />
            <source>Reset password…</source>
            <translation>Redefinir senha…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="59" />
            <source>Close account</source>
            <translation>Encerrar conta</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="60" />
            <source>Change my password…</source>
            <translation>Alterar minha senha…</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="73" />
            <source>Only an administrator adds or closes accounts.</source>
            <translation>Somente um administrador adiciona ou encerra contas.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="92" />
            <source>Account %s created.</source>
            <translation>Conta %s criada.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="99" />
            <source>Reset password</source>
            <translation>Redefinir senha</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="100" />
            <source>New password for %s:</source>
            <translation>Nova senha para %s:</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="104" />
            <source>Password of %s reset.</source>
            <translation>Senha de %s redefinida.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="110" />
            <source>Account %s closed.</source>
            <translation>Conta %s encerrada.</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="113" />
            <location filename="../ui/users.py" line="117" />
            <source>Change my password</source>
            <translation>Alterar minha senha</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="114" />
            <source>Current password:</source>
            <translation>Senha atual:</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="118" />
            <source>New password:</source>
            <translation>Nova senha:</translation>
        </message>
        <message>
            <location filename="../ui/users.py" line="121" />
            <source>Your password was changed.</source>
            <translation>Sua senha foi alterada.</translation>
        </message>
    </context>
    <context>
        <name>SignOff</name>
        <message>
            <location filename="../ui/signoff.py" line="38" />
            <source>White cells counted: %d of %d target</source>
            <translation>Leucócitos contados: %d de uma meta de %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="40" />
            <source>BELOW TARGET</source>
            <translation>ABAIXO DA META</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="42" />
            <source>Unidentified cells: %d</source>
            <translation>Células não identificadas: %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="43" />
            <source>Fields used: %d of %d; excluded by the reviewer: %d</source>
            <translation>Campos utilizados: %d de %d; excluídos da contagem pelo revisor: %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="45" />
            <source>Blasts: %d</source>
            <translation>Blastos: %d</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="47" />
            <source>Flags: none</source>
            <translation>Alertas: nenhuma</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="48" />
            <source>en</source>
            <translation>pt</translation>
        </message>
        <message>
            <location filename="../ui/signoff.py" line="49" />
            <source>Flags:</source>
            <translation>Alertas:</translation>
        </message>
    </context>
</TS>