"""The report's fixed texts in French, Spanish and Portuguese (Brazil); English by default.

``write_report(..., language="fr")`` builds the report inside ``report_language("fr")``; every
fixed heading, label and sentence goes through ``tr``, which looks its English text up in
``TEXTS`` (``(fr, es, pt)``; templates keep their ``{}`` fields). The language lives in a context
variable, so a report built on one worker thread does not change one built on another, and the
command line, which passes no language, prints English. What comes from elsewhere stays as it
is: names and notes, model ids, reference notes, numbers and their formats. Flags are said in
the report's language from their ``Text`` (``clinic_app.summary``); a flag read back from a file
without one keeps its English message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from clinic_app.results import Flag

LANGUAGES = ("fr", "es", "pt")  # besides English, the source
_language: ContextVar[str] = ContextVar("report_language", default="en")


def language_code(name: str | None) -> str:
    """"fr", "fr_CA", "pt-BR" -> "fr", "pt"; anything else (None, "", "de") -> "en"."""
    code = (name or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


@contextmanager
def report_language(name: str | None) -> Iterator[str]:
    """The report's texts are in ``name``'s language inside the block."""
    token = _language.set(language_code(name))
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def current() -> str:
    return _language.get()


def say_flag(flag: Flag, language: str | None) -> tuple[str, str]:
    """A flag's (message, source) in ``language`` (the desktop app's flag list and sign-off)."""
    with report_language(language):
        return flag.say(tr)


def tr(text: str) -> str:
    """``text`` in the report's language (English, or a text without a translation, as is)."""
    lang = _language.get()
    if lang == "en" or text not in TEXTS:
        return text
    return TEXTS[text][LANGUAGES.index(lang)]


TEXTS: dict[str, tuple[str, str, str]] = {  # English: (fr, es, pt)
    # --- page frame ---------------------------------------------------------------------------
    "Blood smear analysis — screening report": (
        "Analyse de frottis sanguin — compte rendu de dépistage",
        "Análisis de frotis de sangre — informe de cribado",
        "Análise de esfregaço de sangue — relatório de triagem"),
    "Screening aid, not a diagnosis: confirm every finding by microscopy.": (
        "Aide au dépistage, pas un diagnostic : confirmer tout résultat au microscope.",
        "Ayuda al cribado, no es un diagnóstico: confirme todo hallazgo al microscopio.",
        "Auxílio à triagem, não é um diagnóstico: confirme todo achado ao microscópio."),
    "PRELIMINARY": ("PROVISOIRE", "PRELIMINAR", "PRELIMINAR"),
    "Patient ID: {}": ("Identifiant patient : {}", "ID del paciente: {}", "ID do paciente: {}"),
    "Case no.: {}": ("N° de dossier : {}", "N.º de caso: {}", "Nº do caso: {}"),
    "case {}": ("dossier {}", "caso {}", "caso {}"),
    "Page {} of {}": ("Page {} sur {}", "Página {} de {}", "Página {} de {}"),

    # --- patient block ------------------------------------------------------------------------
    "Patient ID": ("ID patient", "ID paciente", "ID paciente"),
    "Case no.": ("N° dossier", "N.º caso", "Nº caso"),
    "Name": ("Nom", "Nombre", "Nome"),
    "Age": ("Âge", "Edad", "Idade"),
    "Sex": ("Sexe", "Sexo", "Sexo"),
    "Sample": ("Échantillon", "Muestra", "Amostra"),
    "Operator": ("Opérateur", "Operador", "Operador"),
    "Analysed": ("Analysé le", "Analizado", "Analisado em"),
    "Reviewer": ("Relecteur", "Revisor", "Revisor"),
    "Generated": ("Généré le", "Generado", "Gerado em"),
    "Notes:": ("Notes :", "Notas:", "Observações:"),
    "{} (born {})": ("{} (né(e) le {})", "{} (nacido/a el {})", "{} (nascido/a em {})"),
    "year": ("an", "año", "ano"),
    "years": ("ans", "años", "anos"),
    "month": ("mois", "mes", "mês"),
    "months": ("mois", "meses", "meses"),
    "peripheral blood (PB)": ("sang périphérique (PB)", "sangre periférica (PB)",
                              "sangue periférico (PB)"),
    "bone marrow (BM)": ("moelle osseuse (BM)", "médula ósea (BM)", "medula óssea (BM)"),

    # --- result box ---------------------------------------------------------------------------
    "ALL screen: acute lymphoblastic leukaemia suspected": (
        "Dépistage ALL : leucémie aiguë lymphoblastique suspectée",
        "Cribado de ALL: sospecha de leucemia linfoblástica aguda",
        "Triagem de ALL: suspeita de leucemia linfoblástica aguda"),
    "ALL screen not applicable: {}": ("Dépistage ALL non applicable : {}",
                                      "Cribado de ALL no aplicable: {}",
                                      "Triagem de ALL não aplicável: {}"),
    "ALL screen: blasts seen — review them": (
        "Dépistage ALL : blastes observés — à revoir",
        "Cribado de ALL: se observan blastos — revíselos",
        "Triagem de ALL: blastos observados — revise-os"),
    "ALL screen: no ALL pattern found": ("Dépistage ALL : aucun profil d'ALL trouvé",
                                         "Cribado de ALL: no se encontró patrón de ALL",
                                         "Triagem de ALL: nenhum padrão de ALL encontrado"),
    "every field was excluded for quality": (
        "tous les champs ont été exclus pour leur qualité",
        "todos los campos se excluyeron por su calidad",
        "todos os campos foram excluídos por qualidade"),
    "no usable field": ("aucun champ exploitable", "ningún campo utilizable",
                        "nenhum campo utilizável"),
    "no ALL pattern": ("pas de profil d'ALL", "sin patrón de ALL", "sem padrão de ALL"),
    "early pre-B ALL pattern": ("profil d'ALL pré-B précoce", "patrón de ALL pre-B temprana",
                                "padrão de ALL pré-B precoce"),
    "pre-B ALL pattern": ("profil d'ALL pré-B", "patrón de ALL pre-B", "padrão de ALL pré-B"),
    "pro-B ALL pattern": ("profil d'ALL pro-B", "patrón de ALL pro-B", "padrão de ALL pró-B"),
    "Field model (all-subtype): not applicable — {}": (
        "Modèle de champ (all-subtype) : non applicable — {}",
        "Modelo de campo (all-subtype): no aplicable — {}",
        "Modelo de campo (all-subtype): não aplicável — {}"),
    "malignant probability {}; ": ("probabilité de malignité {} ; ",
                                   "probabilidad de malignidad {}; ",
                                   "probabilidade de malignidade {}; "),
    "subtype {} ({})": ("sous-type {} ({})", "subtipo {} ({})", "subtipo {} ({})"),
    "top class {}": ("classe principale {}", "clase principal {}", "classe principal {}"),
    "Field model (all-subtype, supporting evidence): {}{}. Mean over {}: {}": (
        "Modèle de champ (all-subtype, élément d'appui) : {}{}. Moyenne sur {} : {}",
        "Modelo de campo (all-subtype, evidencia de apoyo): {}{}. Media de {}: {}",
        "Modelo de campo (all-subtype, evidência de apoio): {}{}. Média de {}: {}"),
    "usable field": ("champ exploitable", "campo utilizable", "campo utilizável"),
    "usable fields": ("champs exploitables", "campos utilizables", "campos utilizáveis"),
    "out of scope": ("hors du domaine d'utilisation", "fuera del ámbito de uso",
                     "fora do escopo de uso"),
    "<b>{} analysed anyway</b> although the in-scope check refused it ({}): their results are "
    "outside what the models were checked on.": (
        "<b>{} analysé quand même</b> bien que le contrôle de recevabilité l'ait refusé ({}) : "
        "ses résultats sortent de ce sur quoi les modèles ont été vérifiés.",
        "<b>{} analizado de todos modos</b> aunque el control de admisibilidad lo rechazó "
        "({}): sus resultados quedan fuera de lo que se comprobó con los modelos.",
        "<b>{} analisado mesmo assim</b> embora a verificação de admissibilidade o tenha "
        "recusado ({}): seus resultados estão fora do que foi verificado nos modelos."),
    "<b>{} analysed anyway</b> although the in-scope check refused them ({}): their results "
    "are outside what the models were checked on.": (
        "<b>{} analysés quand même</b> bien que le contrôle de recevabilité les ait refusés "
        "({}) : leurs résultats sortent de ce sur quoi les modèles ont été vérifiés.",
        "<b>{} analizados de todos modos</b> aunque el control de admisibilidad los rechazó "
        "({}): sus resultados quedan fuera de lo que se comprobó con los modelos.",
        "<b>{} analisados mesmo assim</b> embora a verificação de admissibilidade os tenha "
        "recusado ({}): seus resultados estão fora do que foi verificado nos modelos."),
    "field": ("champ", "campo", "campo"),
    "fields": ("champs", "campos", "campos"),
    "<b>Blasts: {} of {}{}</b>, counted cell by cell (model or reviewer label “blast”)": (
        "<b>Blastes : {} sur {}{}</b>, comptés cellule par cellule (classe « blaste » du modèle "
        "ou du relecteur)",
        "<b>Blastos: {} de {}{}</b>, contados célula a célula (etiqueta «blasto» del modelo o "
        "del revisor)",
        "<b>Blastos: {} de {}{}</b>, contados célula a célula (rótulo “blasto” do modelo ou do "
        "revisor)"),
    "white cell": ("leucocyte", "leucocito", "leucócito"),
    "white cells": ("leucocytes", "leucocitos", "leucócitos"),
    "<b>PRELIMINARY</b>: not yet reviewed and signed; results may change.": (
        "<b>PROVISOIRE</b> : pas encore revu ni signé ; les résultats peuvent changer.",
        "<b>PRELIMINAR</b>: aún no revisado ni firmado; los resultados pueden cambiar.",
        "<b>PRELIMINAR</b>: ainda não revisado nem assinado; os resultados podem mudar."),
    "<b>Flags ({})</b>": ("<b>Alertes ({})</b>", "<b>Alertas ({})</b>", "<b>Alertas ({})</b>"),
    "<b>No flags</b>": ("<b>Aucune alerte</b>", "<b>Sin alertas</b>", "<b>Sem alertas</b>"),

    # --- differential -------------------------------------------------------------------------
    "Differential": ("Formule leucocytaire", "Fórmula leucocitaria", "Leucograma diferencial"),
    "Class": ("Classe", "Clase", "Classe"),
    "Count": ("Nb", "Cant.", "Qtd."),
    "% WBC": ("% GB", "% leuc.", "% leuc."),
    "<b>White cells counted: {} of {} target</b><br/>Fields used: {} of {}": (
        "<b>Leucocytes comptés : {} sur un objectif de {}</b><br/>Champs utilisés : {} sur {}",
        "<b>Leucocitos contados: {} de un objetivo de {}</b><br/>Campos utilizados: {} de {}",
        "<b>Leucócitos contados: {} de uma meta de {}</b><br/>Campos utilizados: {} de {}"),
    "{} per 100 WBC": ("{} pour 100 GB", "{} por 100 leucocitos", "{} por 100 leucócitos"),
    "not a white cell": ("pas un leucocyte", "no es un leucocito", "não é um leucócito"),
    "counted apart": ("compté à part", "contado aparte", "contado à parte"),
    "No white cells counted: no differential to chart.": (
        "Aucun leucocyte compté : pas de formule à représenter.",
        "No se contaron leucocitos: no hay fórmula que representar.",
        "Nenhum leucócito contado: não há leucograma para representar."),
    "% WBC: percent of the white cells counted. Nucleated red cells are reported per 100 white "
    "cells, outside the differential; platelets, smudge cells and artefacts are counted apart "
    "(—). Reference: {}.": (
        "% GB : pourcentage des leucocytes comptés. Les érythroblastes sont rendus pour 100 "
        "leucocytes, hors formule ; plaquettes, ombres de Gumprecht et artefacts sont comptés à "
        "part (—). Référence : {}.",
        "% leuc.: porcentaje de los leucocitos contados. Los eritroblastos se informan por 100 "
        "leucocitos, fuera de la fórmula; plaquetas, sombras de Gumprecht y artefactos se "
        "cuentan aparte (—). Referencia: {}.",
        "% leuc.: porcentagem dos leucócitos contados. Os eritroblastos são relatados por 100 "
        "leucócitos, fora do leucograma; plaquetas, sombras de Gumprecht e artefatos são "
        "contados à parte (—). Referência: {}."),
    "Adult range": ("Intervalle adulte", "Intervalo adulto", "Faixa adulta"),
    "Adult range (age unknown)": ("Intervalle adulte (âge inconnu)",
                                  "Intervalo adulto (edad desconocida)",
                                  "Faixa adulta (idade desconhecida)"),
    "Dacie and Lewis Practical Haematology, 12th ed. (2017), Table 1.9 (adults)": (
        "Dacie and Lewis Practical Haematology, 12e éd. (2017), tableau 1.9 (adultes)",
        "Dacie and Lewis Practical Haematology, 12.ª ed. (2017), tabla 1.9 (adultos)",
        "Dacie and Lewis Practical Haematology, 12.ª ed. (2017), tabela 1.9 (adultos)"),
    "Typical at {}": ("Valeur typique à {}", "Valor típico, {}", "Valor típico, {}"),
    "{} (row: {})": ("{} (ligne : {})", "{} (fila: {})", "{} (linha: {})"),
    "Dallman PR, in Rudolph AM (ed.), Pediatrics, 16th ed., 1977, p. 1178 (Harriet Lane "
    "Handbook, age-specific leukocyte differential): mean % for age": (
        "Dallman PR, dans Rudolph AM (éd.), Pediatrics, 16e éd., 1977, p. 1178 (Harriet Lane "
        "Handbook, formule leucocytaire selon l'âge) : % moyen pour l'âge",
        "Dallman PR, en Rudolph AM (ed.), Pediatrics, 16.ª ed., 1977, p. 1178 (Harriet Lane "
        "Handbook, fórmula leucocitaria por edad): % medio para la edad",
        "Dallman PR, em Rudolph AM (ed.), Pediatrics, 16.ª ed., 1977, p. 1178 (Harriet Lane "
        "Handbook, leucograma por idade): % médio para a idade"),
    " Adult range flags are not raised for children.": (
        " Les alertes sur les valeurs de l'adulte ne sont pas levées chez l'enfant.",
        " Las alertas por intervalos del adulto no se generan en niños.",
        " Alertas por faixas do adulto não são geradas para crianças."),
    # Cell classes (model labels spelt out).
    "neutrophil": ("neutrophile", "neutrófilo", "neutrófilo"),
    "lymphocyte": ("lymphocyte", "linfocito", "linfócito"),
    "variant lymphocyte": ("lymphocyte réactionnel", "linfocito reactivo", "linfócito reativo"),
    "monocyte": ("monocyte", "monocito", "monócito"),
    "eosinophil": ("éosinophile", "eosinófilo", "eosinófilo"),
    "basophil": ("basophile", "basófilo", "basófilo"),
    "immature granulocyte": ("granulocyte immature", "granulocito inmaduro",
                             "granulócito imaturo"),
    "blast": ("blaste", "blasto", "blasto"),
    "nucleated red cell (NRBC)": ("érythroblaste (NRBC)", "eritroblasto (NRBC)",
                                  "eritroblasto (NRBC)"),
    "platelet": ("plaquette", "plaqueta", "plaqueta"),
    "smudge cell": ("ombre de Gumprecht", "sombra de Gumprecht", "sombra de Gumprecht"),
    "artefact": ("artefact", "artefacto", "artefato"),
    "unidentified": ("non identifiée", "no identificada", "não identificada"),

    # --- flags (clinic_app.summary: each flag's Text) -------------------------------------------
    "{} {:.1f}% is {} (adult range {:g}-{:g}%)": (
        "{} {:.1f} % : valeur {} (intervalle adulte {:g}-{:g} %)",
        "{} {:.1f} %: valor {} (intervalo adulto {:g}-{:g} %)",
        "{} {:.1f}%: valor {} (faixa adulta {:g}-{:g}%)"),
    "low": ("basse", "bajo", "baixo"),
    "high": ("haute", "alto", "alto"),
    "Dacie and Lewis Practical Haematology, 12th ed., adult reference ranges": (
        "Dacie and Lewis Practical Haematology, 12e éd., valeurs de référence de l'adulte",
        "Dacie and Lewis Practical Haematology, 12.ª ed., intervalos de referencia del adulto",
        "Dacie and Lewis Practical Haematology, 12.ª ed., faixas de referência do adulto"),
    "{:.1f} nucleated red cells per 100 white cells": (
        "{:.1f} érythroblastes pour 100 leucocytes",
        "{:.1f} eritroblastos por 100 leucocitos",
        "{:.1f} eritroblastos por 100 leucócitos"),
    "normally absent from adult peripheral blood (ICSH 2014)": (
        "normalement absents du sang périphérique de l'adulte (ICSH 2014)",
        "normalmente ausentes de la sangre periférica del adulto (ICSH 2014)",
        "normalmente ausentes do sangue periférico do adulto (ICSH 2014)"),
    "immature granulocytes {:.1f}% (> {:g}%)": (
        "granulocytes immatures {:.1f} % (> {:g} %)",
        "granulocitos inmaduros {:.1f} % (> {:g} %)",
        "granulócitos imaturos {:.1f}% (> {:g}%)"),
    "normally absent from adult peripheral blood; 2% project default": (
        "normalement absents du sang périphérique de l'adulte ; 2 % par défaut du projet",
        "normalmente ausentes de la sangre periférica del adulto; 2 % por defecto del proyecto",
        "normalmente ausentes do sangue periférico do adulto; 2% por padrão do projeto"),
    "field model not applicable to these fields": (
        "modèle de champ non applicable à ces champs",
        "modelo de campo no aplicable a estos campos",
        "modelo de campo não aplicável a estes campos"),
    "field model: malignant probability {:.0%} over {} field": (
        "modèle de champ : probabilité de malignité {:.0%} sur {} champ",
        "modelo de campo: probabilidad de malignidad {:.0%} en {} campo",
        "modelo de campo: probabilidade de malignidade {:.0%} em {} campo"),
    "field model: malignant probability {:.0%} over {} fields": (
        "modèle de champ : probabilité de malignité {:.0%} sur {} champs",
        "modelo de campo: probabilidad de malignidad {:.0%} en {} campos",
        "modelo de campo: probabilidade de malignidade {:.0%} em {} campos"),
    "{} blast seen ({:.0f}% of {} white cells): review them": (
        "{} blaste vu ({:.0f} % de {} leucocytes) : à revoir",
        "{} blasto visto ({:.0f} % de {} leucocitos): revíselo",
        "{} blasto visto ({:.0f}% de {} leucócitos): revise-o"),
    "{} blasts seen ({:.0f}% of {} white cells): review them": (
        "{} blastes vus ({:.0f} % de {} leucocytes) : à revoir",
        "{} blastos vistos ({:.0f} % de {} leucocitos): revíselos",
        "{} blastos vistos ({:.0f}% de {} leucócitos): revise-os"),
    "wbc-type model; any blast in blood is abnormal": (
        "modèle wbc-type ; tout blaste dans le sang est anormal",
        "modelo wbc-type; todo blasto en sangre es anormal",
        "modelo wbc-type; todo blasto no sangue é anormal"),
    "blasts {:.0f}% (>= {:g}%: the acute-leukaemia range)": (
        "blastes {:.0f} % (>= {:g} % : seuil des leucémies aiguës)",
        "blastos {:.0f} % (>= {:g} %: rango de leucemia aguda)",
        "blastos {:.0f}% (>= {:g}%: faixa de leucemia aguda)"),
    "most likely {}": ("le plus probablement {}", "lo más probable, {}", "mais provavelmente {}"),
    "subtype undetermined": ("sous-type indéterminé", "subtipo indeterminado",
                             "subtipo indeterminado"),
    "acute lymphoblastic leukaemia suspected: blasts {:.0f}% of white cells; {}; {}": (
        "leucémie aiguë lymphoblastique suspectée : blastes {:.0f} % des leucocytes ; {} ; {}",
        "sospecha de leucemia linfoblástica aguda: blastos {:.0f} % de los leucocitos; {}; {}",
        "suspeita de leucemia linfoblástica aguda: blastos {:.0f}% dos leucócitos; {}; {}"),
    "cell-level blast count; {}; all-subtype model, threshold {:g}, subtype margin {:g}": (
        "blastes comptés cellule par cellule ; {} ; modèle all-subtype, seuil {:g}, marge de "
        "sous-type {:g}",
        "blastos contados célula a célula; {}; modelo all-subtype, umbral {:g}, margen de "
        "subtipo {:g}",
        "blastos contados célula a célula; {}; modelo all-subtype, limiar {:g}, margem de "
        "subtipo {:g}"),
    "no blast cell found, but the {}: review the fields": (
        "aucun blaste trouvé, mais {} : revoir les champs",
        "no se halló ningún blasto, pero {}: revise los campos",
        "nenhum blasto encontrado, mas {}: revise os campos"),
    "all-subtype model, threshold {:g}": ("modèle all-subtype, seuil {:g}",
                                          "modelo all-subtype, umbral {:g}",
                                          "modelo all-subtype, limiar {:g}"),
    "{} of {} cells unidentified: review them": (
        "{} cellules sur {} non identifiées : à revoir",
        "{} de {} células no identificadas: revíselas",
        "{} de {} células não identificadas: revise-as"),
    "> {:g}% (project default)": ("> {:g} % (valeur par défaut du projet)",
                                  "> {:g} % (valor por defecto del proyecto)",
                                  "> {:g}% (padrão do projeto)"),
    "{} of {} fields excluded for quality": (
        "{} champs sur {} exclus pour qualité insuffisante",
        "{} de {} campos excluidos por calidad",
        "{} de {} campos excluídos por qualidade"),
    "> {:g}% of fields (project default)": (
        "> {:g} % des champs (valeur par défaut du projet)",
        "> {:g} % de los campos (valor por defecto del proyecto)",
        "> {:g}% dos campos (padrão do projeto)"),
    "{} of {} field: scale not measurable (too few red cells); analysed at an assumed {:g} "
    "um/px: give the microscope's scale (--um-per-px, or Settings)": (
        "{} champ sur {} : échelle non mesurable (trop peu d'hématies) ; analysé à {:g} um/px "
        "supposés : indiquer l'échelle du microscope (--um-per-px, ou Paramètres)",
        "{} de {} campo: escala no medible (muy pocos hematíes); analizado con {:g} um/px "
        "supuestos: indique la escala del microscopio (--um-per-px, o Ajustes)",
        "{} de {} campo: escala não mensurável (poucas hemácias); analisado com {:g} um/px "
        "presumidos: informe a escala do microscópio (--um-per-px, ou Configurações)"),
    "{} of {} fields: scale not measurable (too few red cells); analysed at an assumed {:g} "
    "um/px: give the microscope's scale (--um-per-px, or Settings)": (
        "{} champs sur {} : échelle non mesurable (trop peu d'hématies) ; analysés à {:g} "
        "um/px supposés : indiquer l'échelle du microscope (--um-per-px, ou Paramètres)",
        "{} de {} campos: escala no medible (muy pocos hematíes); analizados con {:g} um/px "
        "supuestos: indique la escala del microscopio (--um-per-px, o Ajustes)",
        "{} de {} campos: escala não mensurável (poucas hemácias); analisados com {:g} um/px "
        "presumidos: informe a escala do microscópio (--um-per-px, ou Configurações)"),
    "red-cell ruler (clinic_app.scale)": ("règle des hématies (clinic_app.scale)",
                                          "regla de los hematíes (clinic_app.scale)",
                                          "régua das hemácias (clinic_app.scale)"),
    "{} white cell counted, target {}; percentage flags need {}": (
        "{} leucocyte compté, objectif {} ; les alertes en pourcentage en demandent {}",
        "{} leucocito contado, objetivo {}; las alertas porcentuales requieren {}",
        "{} leucócito contado, meta {}; alertas percentuais exigem {}"),
    "{} white cells counted, target {}; percentage flags need {}": (
        "{} leucocytes comptés, objectif {} ; les alertes en pourcentage en demandent {}",
        "{} leucocitos contados, objetivo {}; las alertas porcentuales requieren {}",
        "{} leucócitos contados, meta {}; alertas percentuais exigem {}"),
    "CLSI H20-A2; percentages from small counts are imprecise": (
        "CLSI H20-A2 ; les pourcentages sur de petits comptes sont imprécis",
        "CLSI H20-A2; los porcentajes de recuentos pequeños son imprecisos",
        "CLSI H20-A2; porcentagens de contagens pequenas são imprecisas"),

    # --- fields and cells ---------------------------------------------------------------------
    "Fields ({})": ("Champs ({})", "Campos ({})", "Campos ({})"),
    "{} refused by the in-scope check and analysed anyway by the technologist (marked below).": (
        "{} refusé(s) par le contrôle de recevabilité et analysé(s) quand même par le "
        "technicien (signalé(s) ci-dessous).",
        "{} rechazado(s) por el control de admisibilidad y analizado(s) de todos modos por el "
        "técnico (marcado(s) abajo).",
        "{} recusado(s) pela verificação de admissibilidade e analisado(s) mesmo assim pelo "
        "técnico (marcado(s) abaixo)."),
    "No fields were analysed.": ("Aucun champ n'a été analysé.", "No se analizó ningún campo.",
                                 "Nenhum campo foi analisado."),
    "(no preview)": ("(pas d'aperçu)", "(sin vista previa)", "(sem pré-visualização)"),
    "… and {}.": ("… et {}.", "… y {}.", "… e {}."),
    "more field not shown": ("autre champ non affiché", "campo más no mostrado",
                             "campo a mais não exibido"),
    "more fields not shown": ("autres champs non affichés", "campos más no mostrados",
                              "campos a mais não exibidos"),
    "cell": ("cellule", "célula", "célula"),
    "cells": ("cellules", "células", "células"),
    "cell found": ("cellule trouvée", "célula encontrada", "célula encontrada"),
    "cells found": ("cellules trouvées", "células encontradas", "células encontradas"),
    "quality: usable": ("qualité : exploitable", "calidad: utilizable", "qualidade: utilizável"),
    "excluded: {}": ("exclu : {}", "excluido: {}", "excluído: {}"),
    "quality": ("qualité", "calidad", "qualidade"),
    "out of scope, analysed anyway": ("hors domaine, analysé quand même",
                                      "fuera de ámbito, analizado de todos modos",
                                      "fora do escopo, analisado mesmo assim"),
    "warnings: {}": ("avertissements : {}", "avisos: {}", "avisos: {}"),
    "field: {}": ("champ : {}", "campo: {}", "campo: {}"),
    "{} confidence": ("confiance {}", "confianza {}", "confiança {}"),
    "reviewed: was {} (model {})": ("revue : était {} (modèle {})",
                                    "revisada: era {} (modelo {})",
                                    "revisada: era {} (modelo {})"),
    "Cells by class": ("Cellules par classe", "Células por clase", "Células por classe"),
    "No cell images to show.": ("Aucune image de cellule à afficher.",
                                "No hay imágenes de células que mostrar.",
                                "Nenhuma imagem de célula para exibir."),
    "Left: the cell as classified. Right, when present: heat map of the regions that most drove "
    "the model (red = more). Cells from excluded fields are not shown.": (
        "À gauche : la cellule telle que classée. À droite, le cas échéant : carte de chaleur "
        "des régions qui ont le plus pesé sur le modèle (rouge = davantage). Les cellules des "
        "champs exclus ne sont pas montrées.",
        "Izquierda: la célula tal como se clasificó. Derecha, si existe: mapa de calor de las "
        "regiones que más influyeron en el modelo (rojo = más). No se muestran las células de "
        "los campos excluidos.",
        "Esquerda: a célula como foi classificada. Direita, quando houver: mapa de calor das "
        "regiões que mais influenciaram o modelo (vermelho = mais). Células de campos "
        "excluídos não são exibidas."),
    "{} — {}, {} shown": ("{} — {}, {} affichée(s)", "{} — {}, {} mostrada(s)",
                          "{} — {}, {} exibida(s)"),

    # --- skipped inputs, models, review -------------------------------------------------------
    "Skipped inputs ({})": ("Entrées ignorées ({})", "Entradas omitidas ({})",
                            "Entradas ignoradas ({})"),
    "Input": ("Entrée", "Entrada", "Entrada"),
    "Reason": ("Motif", "Motivo", "Motivo"),
    "Models": ("Modèles", "Modelos", "Modelos"),
    "Model": ("Modèle", "Modelo", "Modelo"),
    "Version": ("Version", "Versión", "Versão"),
    "Test metrics (INT8)": ("Métriques de test (INT8)", "Métricas de prueba (INT8)",
                            "Métricas de teste (INT8)"),
    "No model information recorded.": ("Aucune information sur les modèles enregistrée.",
                                       "No se registró información de los modelos.",
                                       "Nenhuma informação de modelo registrada."),
    "Inference backend: {}": ("Moteur d'inférence : {}", "Motor de inferencia: {}",
                              "Mecanismo de inferência: {}"),
    "Review": ("Revue et validation", "Revisión y validación", "Revisão e validação"),
    "Intended use": ("Usage prévu", "Uso previsto", "Uso pretendido"),
    "Screening aid for trained laboratory staff. Not a diagnosis. All findings must be "
    "confirmed by microscopy of the stained smear by a qualified person.": (
        "Aide au dépistage destinée au personnel de laboratoire qualifié. Ce n'est pas un "
        "diagnostic. Tout résultat doit être confirmé par l'examen microscopique du frottis "
        "coloré par une personne qualifiée.",
        "Ayuda al cribado para personal de laboratorio cualificado. No es un diagnóstico. Todo "
        "hallazgo debe confirmarlo una persona cualificada mediante el examen microscópico del "
        "frotis teñido.",
        "Auxílio à triagem para profissionais de laboratório capacitados. Não é um diagnóstico. "
        "Todo achado deve ser confirmado por uma pessoa qualificada, por microscopia do "
        "esfregaço corado."),
    "The ALL model (all-subtype) was trained on images from one hospital; how well it does on "
    "other stains, microscopes and patient groups is not known.": (
        "Le modèle ALL (all-subtype) a été entraîné sur des images d'un seul hôpital ; ses "
        "performances avec d'autres colorations, microscopes et populations de patients ne sont "
        "pas connues.",
        "El modelo de ALL (all-subtype) se entrenó con imágenes de un solo hospital; se "
        "desconoce su rendimiento con otras tinciones, microscopios y grupos de pacientes.",
        "O modelo de ALL (all-subtype) foi treinado com imagens de um único hospital; seu "
        "desempenho com outras colorações, microscópios e grupos de pacientes não é conhecido."),
    "Reviewed by": ("Revu par", "Revisado por", "Revisado por"),
    "Signature": ("Signature", "Firma", "Assinatura"),
    "Date": ("Date", "Fecha", "Data"),
}
