<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AxesDialog</name>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="235" />
        <source>Phases and Lanes</source>
        <translation>Phasen und Swimlanes</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="239" />
        <source>Phases (columns)</source>
        <translation>Phasen (Spalten)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="240" />
        <source>Lanes (rows)</source>
        <translation>Swimlanes (Zeilen)</translation>
    </message>
</context>
<context>
    <name>AxisEditor</name>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="53" />
        <source>Add…</source>
        <extracomment>The edits that add, update, move and remove an element of each collection.</extracomment>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="54" />
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="55" />
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="56" />
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="57" />
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="58" />
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation type="vanished">Nicht möglich</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="120" />
        <source>New Phase</source>
        <translation>Neue Phase</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="121" />
        <source>New Lane</source>
        <translation>Neue Swimlane</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="122" />
        <source>New Persona</source>
        <translation>Neue Persona</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="124" />
        <location filename="../../tpmapper/ui/axes_dialog.py" line="148" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="140" />
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="148" />
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="154" />
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="162" />
        <source>Phase Colour</source>
        <translation>Farbe der Phase</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="166" />
        <source>Recolour phase</source>
        <translation>Phasenfarbe ändern</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="174" />
        <source>Reorder</source>
        <translation>Reihenfolge ändern</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="182" />
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="202" />
        <location filename="../../tpmapper/ui/axes_dialog.py" line="214" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="203" />
        <source>%1 touchpoints serve “%2”. Remove the persona from them too?</source>
        <translation>%1 Touchpoints sprechen „%2“ an. Die Persona auch dort entfernen?</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="216" />
        <source>“%1” holds %2 touchpoints with %3 links. What should happen to them?</source>
        <translation>„%1“ enthält %2 Touchpoint(s) mit %3 Verbindung(en). Was soll damit geschehen?</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="222" />
        <source>Move them to “%1”</source>
        <translation>Nach „%1“ verschieben</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/axes_dialog.py" line="224" />
        <source>Remove them too</source>
        <translation>Ebenfalls entfernen</translation>
    </message>
</context>
<context>
    <name>ChangedOnDiskBar</name>
    <message>
        <location filename="../../tpmapper/ui/disk_watch.py" line="60" />
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/disk_watch.py" line="62" />
        <source>Open the file's version (Ctrl+Z brings yours back)</source>
        <translation>Die Fassung der Datei öffnen (Strg+Z holt Ihre zurück)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/disk_watch.py" line="63" />
        <source>&amp;Keep Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/disk_watch.py" line="65" />
        <source>Go on with the map as it is here</source>
        <translation>Mit der Karte weiterarbeiten, wie sie hier ist</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/disk_watch.py" line="75" />
        <source>“%1” changed on disk.</source>
        <translation>„%1“ wurde auf der Festplatte geändert.</translation>
    </message>
</context>
<context>
    <name>ColourByMenu</name>
    <message>
        <location filename="../../tpmapper/ui/colour_menu.py" line="21" />
        <source>Colour &amp;By</source>
        <translation>&amp;Färben nach</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/colour_menu.py" line="25" />
        <source>Customer &amp;Rating</source>
        <translation>&amp;Kundensicht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/colour_menu.py" line="26" />
        <source>Rating &amp;Gap</source>
        <translation>Bewertungs&amp;abstand</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/colour_menu.py" line="27" />
        <source>&amp;Owner</source>
        <translation>&amp;Verantwortlichen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/colour_menu.py" line="28" />
        <source>Owned, Paid, &amp;Earned</source>
        <translation>Owned, Paid, &amp;Earned</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/colour_menu.py" line="29" />
        <source>&amp;Channel</source>
        <translation>Ka&amp;nal</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/colour_menu.py" line="30" />
        <source>&amp;Digital, Analog</source>
        <translation>&amp;Digital, analog</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="61" />
        <source>Customer rating</source>
        <translation>Kundensicht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="62" />
        <source>Rating gap (company − customer)</source>
        <translation>Bewertungsabstand (Unternehmen − Kunden)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="65" />
        <source>Owner</source>
        <translation>Verantwortliche(r)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="66" />
        <source>Owned / paid / earned</source>
        <translation>Owned / Paid / Earned</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="67" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="68" />
        <source>Digital / analog</source>
        <translation>Digital / analog</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="75" />
        <source>1 very poor</source>
        <translation>1 sehr schlecht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="76" />
        <source>2 poor</source>
        <translation>2 schlecht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="77" />
        <source>3 fair</source>
        <translation>3 mittel</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="78" />
        <source>4 good</source>
        <translation>4 gut</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="79" />
        <source>5 very good</source>
        <translation>5 sehr gut</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="81" />
        <source>Not rated</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="82" />
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="83" />
        <source>Others</source>
        <translation>Weitere</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="85" />
        <source>Customers rate it 2+ higher</source>
        <translation>Kunden bewerten 2+ höher</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="86" />
        <source>Both sides agree (±1)</source>
        <translation>Beide Seiten einig (±1)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="87" />
        <source>Company rates it 2 higher</source>
        <translation>Unternehmen bewertet 2 höher</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="88" />
        <source>Company rates it 3+ higher</source>
        <translation>Unternehmen bewertet 3+ höher</translation>
    </message>
</context>
<context>
    <name>DeckWords</name>
    <message>
        <location filename="../../tpmapper/render/words.py" line="129" />
        <source>Touchpoints</source>
        <translation>Touchpoints</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="130" />
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="131" />
        <source>Lanes</source>
        <translation>Swimlanes</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="132" />
        <source>Touchpoints: {count}</source>
        <translation>Touchpoints: {count}</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="133" />
        <source>{name} ({page} of {pages})</source>
        <translation>{name} ({page} von {pages})</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="134" />
        <source>No touchpoints in this phase yet.</source>
        <translation>In dieser Phase gibt es noch keine Touchpoints.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="135" />
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="136" />
        <source>Weak spots</source>
        <translation>Schwachstellen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="137" />
        <source>Blind spots</source>
        <translation>Blinde Flecken</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="138" />
        <source>Priorities</source>
        <translation>Prioritäten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="139" />
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="140" />
        <source>Company and customers judge {agree} of {rated} touchpoints alike ({share}).</source>
        <translation>Unternehmen und Kunden beurteilen {agree} von {rated} Touchpoints gleich ({share}).</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="144" />
        <source>company {company}, customers {customer}</source>
        <translation>Unternehmenssicht {company}, Kundensicht {customer}</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="147" />
        <source>score {score}</source>
        <translation>Wert {score}</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="148" />
        <source>… and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
</context>
<context>
    <name>DiskWatch</name>
    <message>
        <location filename="../../tpmapper/ui/disk_watch.py" line="180" />
        <source>Cannot reload the map</source>
        <translation>Die Karte kann nicht neu geladen werden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/disk_watch.py" line="183" />
        <source>Reload from disk</source>
        <translation>Von der Festplatte neu laden</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <location filename="../../tpmapper/ui/error_report.py" line="117" />
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/error_report.py" line="126" />
        <source>tpmapper ran into an unexpected error. Your map is still open: you can go on working and save it.</source>
        <translation>In tpmapper ist ein unerwarteter Fehler aufgetreten. Ihre Karte ist weiterhin geöffnet: Sie können weiterarbeiten und sie speichern.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/error_report.py" line="140" />
        <source>The details are in the log folder %1</source>
        <translation>Die Einzelheiten stehen im Protokollordner %1</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/error_report.py" line="142" />
        <source>The log could not be written in %1</source>
        <translation>Das Protokoll konnte in %1 nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/error_report.py" line="147" />
        <source>Copy details</source>
        <translation>Einzelheiten kopieren</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/error_report.py" line="151" />
        <source>Show log folder</source>
        <translation>Protokollordner zeigen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/error_report.py" line="184" />
        <source>… and %n more error(s)</source>
        <translation>
            <numerusform>… und %n weiterer Fehler</numerusform>
            <numerusform>… und %n weitere Fehler</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/error_report.py" line="198" />
        <source>Details copied</source>
        <translation>Einzelheiten kopiert</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="vanished">Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="vanished">PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="vanished">SVG-Grafik (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="vanished">PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="vanished">CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="147" />
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert …</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="152" />
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="155" />
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="173" />
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Customer rating</source>
        <translation type="vanished">Kundenbewertung</translation>
    </message>
    <message>
        <source>1 very poor</source>
        <translation type="vanished">1 sehr schlecht</translation>
    </message>
    <message>
        <source>2 poor</source>
        <translation type="vanished">2 schlecht</translation>
    </message>
    <message>
        <source>3 fair</source>
        <translation type="vanished">3 mittel</translation>
    </message>
    <message>
        <source>4 good</source>
        <translation type="vanished">4 gut</translation>
    </message>
    <message>
        <source>5 very good</source>
        <translation type="vanished">5 sehr gut</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation type="vanished">Nicht bewertet</translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation type="vanished">Schmerzpunkt</translation>
    </message>
    <message>
        <source>Positive moment</source>
        <translation type="vanished">Positiver Moment</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation type="vanished">Seite {page} von {pages}</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="207" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="214" />
        <location filename="../../tpmapper/ui/exchange.py" line="242" />
        <source>Import Excel Workbook</source>
        <translation>Excel-Arbeitsmappe importieren</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="216" />
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="230" />
        <location filename="../../tpmapper/ui/exchange.py" line="238" />
        <source>Nothing was imported</source>
        <translation>Nichts wurde importiert</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="231" />
        <source>%1 cannot be imported:</source>
        <translation>%1 kann nicht importiert werden:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="243" />
        <source>%1 can be imported. Please note:</source>
        <translation>%1 kann importiert werden. Bitte beachten:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="250" />
        <source>imported from %1</source>
        <translation>importiert aus %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/exchange.py" line="269" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="113" />
        <source>Part {part} of {parts}</source>
        <translation>Teil {part} von {parts}</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="114" />
        <source>Phases: {first} – {last}</source>
        <translation>Phasen: {first} – {last}</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="115" />
        <source>Phase: {name}</source>
        <translation>Phase: {name}</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="116" />
        <source>Lanes: {first} – {last}</source>
        <translation>Swimlanes: {first} – {last}</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="117" />
        <source>Lane: {name}</source>
        <translation>Swimlane: {name}</translation>
    </message>
</context>
<context>
    <name>ExportFormat</name>
    <message>
        <location filename="../../tpmapper/exporting.py" line="48" />
        <source>Excel workbook</source>
        <extracomment>The picture options (tpmapper.render.image_export.ImageOptions) and who uses them.</extracomment>
        <translation>Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="49" />
        <source>&amp;Excel Workbook…</source>
        <translation>&amp;Excel-Arbeitsmappe…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="54" />
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="55" />
        <source>&amp;PNG Image…</source>
        <translation>&amp;PNG-Bild…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="62" />
        <source>SVG drawing</source>
        <translation>SVG-Grafik</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="63" />
        <source>&amp;SVG Drawing…</source>
        <translation>&amp;SVG-Grafik…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="70" />
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="71" />
        <source>P&amp;DF Document…</source>
        <translation>P&amp;DF-Dokument…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="78" />
        <source>PowerPoint presentation</source>
        <translation>PowerPoint-Präsentation</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="79" />
        <source>P&amp;owerPoint Presentation…</source>
        <translation>P&amp;owerPoint-Präsentation…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="85" />
        <source>CSV table</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <location filename="../../tpmapper/exporting.py" line="86" />
        <source>&amp;CSV Table…</source>
        <translation>&amp;CSV-Tabelle…</translation>
    </message>
</context>
<context>
    <name>FilterDialog</name>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="40" />
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="47" />
        <source>(without owner)</source>
        <translation>(ohne Verantwortliche(n))</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="54" />
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="55" />
        <source>Lanes</source>
        <translation>Swimlanes</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="56" />
        <source>Owners</source>
        <translation>Verantwortliche</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="57" />
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="58" />
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="59" />
        <source>Moments</source>
        <translation>Momente</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="70" />
        <source>in name, description, owner, channel detail, tags, notes</source>
        <translation>in Name, Beschreibung, Verantwortlichen, Kanaldetail, Schlagwörtern, Notizen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="76" />
        <source>Customer rating from / to:</source>
        <translation>Kundensicht von / bis:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="77" />
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="84" />
        <source>Show All</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="99" />
        <source>%1 (not in the map)</source>
        <translation>%1 (nicht in der Karte)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/filter_dialog.py" line="113" />
        <source>any</source>
        <translation>beliebig</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../tpmapper/ui/find_bar.py" line="36" />
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/find_bar.py" line="41" />
        <source>Find touchpoints (name, owner, tag)</source>
        <translation>Touchpoints suchen (Name, Verantwortliche(r), Tag)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/find_bar.py" line="64" />
        <source>%n found</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="130" />
        <source>No touchpoint has both ratings yet.</source>
        <extracomment>How long the map must stay unchanged before the findings are worked out again. A kind shown for the first time starts expanded when it has at most this many findings. A loop's item names this many of its touchpoints at most. The touchpoint ids of the finding(s) the user chose (a kind: all of its touchpoints). The new `Findings` after each refresh.</extracomment>
        <translation>Noch kein Touchpoint hat beide Bewertungen.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="132" />
        <source>%1 of %2 rated touchpoints agree (%3 %)</source>
        <translation>%1 von %2 bewerteten Touchpoints stimmen überein (%3 %)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="142" />
        <source>Priorities</source>
        <translation>Prioritäten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="143" />
        <source>What to fix first: importance × (5 − customer rating)</source>
        <translation>Was zuerst anzugehen ist: Wichtigkeit × (5 − Kundensicht)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="146" />
        <source>Weak spots</source>
        <translation>Schwachstellen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="147" />
        <source>Customers rate them 2 or lower, or they are a pain point</source>
        <translation>Kunden bewerten sie mit 2 oder schlechter, oder sie sind eine Schwachstelle</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="150" />
        <source>Blind spots</source>
        <translation>Blinde Flecken</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="151" />
        <source>Company and customers rate them 2 or more points apart</source>
        <translation>Unternehmen und Kunden bewerten sie 2 oder mehr Punkte verschieden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="154" />
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="155" />
        <source>Every path from the first phase to the last passes them</source>
        <translation>Jeder Weg von der ersten zur letzten Phase führt durch sie</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="158" />
        <source>Dead ends</source>
        <translation>Sackgassen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="159" />
        <source>Customers reach them but they lead nowhere before the last phase</source>
        <translation>Kunden erreichen sie, aber vor der letzten Phase führen sie nirgendwohin</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="161" />
        <source>Orphans</source>
        <translation>Ohne Verbindung</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="161" />
        <source>No link leads to or from them</source>
        <translation>Keine Verbindung führt zu ihnen oder von ihnen weg</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="162" />
        <source>Loops</source>
        <translation>Schleifen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="162" />
        <source>Touchpoints customers can circle between</source>
        <translation>Touchpoints, zwischen denen Kunden kreisen können</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="163" />
        <source>Entries</source>
        <translation>Einstiege</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="163" />
        <source>Where journeys start</source>
        <translation>Wo Customer Journeys beginnen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="164" />
        <source>Without owner</source>
        <translation>Ohne Verantwortliche(n)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="164" />
        <source>Nobody answers for them</source>
        <translation>Niemand ist für sie verantwortlich</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="166" />
        <source>Uninfluenceable phases</source>
        <translation>Nicht beeinflussbare Phasen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="167" />
        <source>No touchpoint in them is influenceable</source>
        <translation>Kein Touchpoint darin ist beeinflussbar</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="170" />
        <source>Empty cells</source>
        <translation>Leere Zellen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="171" />
        <source>No touchpoint in this phase and lane</source>
        <translation>Kein Touchpoint in dieser Phase und Swimlane</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="177" />
        <source>score %1</source>
        <translation>Punktzahl %1</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="177" />
        <source>customer %1</source>
        <translation>Kundensicht %1</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="178" />
        <source>company %1 · customer %2</source>
        <translation>Unternehmen %1 · Kunden %2</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/findings_dock.py" line="178" />
        <source>Loop %1: %2</source>
        <translation>Schleife %1: %2</translation>
    </message>
</context>
<context>
    <name>InsightsDock</name>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="133" />
        <source>Average rating</source>
        <extracomment>Edits come in bursts (typing, dragging); the charts are redrawn once they pause. The ids of the touchpoints behind a clicked bar, bar segment or point. Each chart's legend: a label above it, so that it never hides a bar or point.</extracomment>
        <translation>Durchschnittliche Bewertung</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="133" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="141" />
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="134" />
        <source>Ratings per phase</source>
        <translation>Bewertungen je Phase</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="136" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="263" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="289" />
        <source>Company rating</source>
        <translation>Unternehmenssicht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="136" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="262" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="288" />
        <source>Customer rating</source>
        <translation>Kundensicht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="137" />
        <source>Company vs customer</source>
        <translation>Unternehmen und Kunden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="139" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="141" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="145" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="403" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="410" />
        <source>Touchpoints</source>
        <translation>Touchpoints</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="140" />
        <source>Owned, paid, earned</source>
        <translation>Owned, Paid, Earned</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="142" />
        <source>Digital, analog</source>
        <translation>Digital, analog</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="143" />
        <source>Channel mix</source>
        <translation>Kanalmix</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="147" />
        <source>Owners</source>
        <translation>Verantwortliche</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="302" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="344" />
        <source>Company = customers</source>
        <translation>Unternehmen = Kunden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="322" />
        <source>Company 2+ above customers (blind spot)</source>
        <translation>Unternehmen 2+ über Kunden (blinder Fleck)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="323" />
        <source>Customers 2+ above company</source>
        <translation>Kunden 2+ über Unternehmen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="324" />
        <source>Within 1 point</source>
        <translation>Höchstens 1 Punkt auseinander</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="376" />
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/insights_dock.py" line="404" />
        <location filename="../../tpmapper/ui/insights_dock.py" line="416" />
        <source>Weak spots</source>
        <translation>Schwachstellen</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="106" />
        <location filename="../../tpmapper/ui/inspector.py" line="119" />
        <source>(several values)</source>
        <translation>(mehrere Werte)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="151" />
        <source>Separate entries with commas</source>
        <translation>Einträge durch Kommas trennen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="173" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="173" />
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="178" />
        <source>Touchpoint</source>
        <translation>Touchpoint</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="180" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="181" />
        <location filename="../../tpmapper/ui/inspector.py" line="276" />
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="182" />
        <source>Owner</source>
        <translation>Verantwortliche(r)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="188" />
        <source>Classification</source>
        <translation>Einordnung</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="190" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="191" />
        <source>Channel detail</source>
        <translation>Kanaldetail</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="192" />
        <source>Owned / paid / earned</source>
        <translation>Owned / Paid / Earned</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="193" />
        <source>Direct / indirect</source>
        <translation>Direkt / indirekt</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="194" />
        <source>Influenceable</source>
        <translation>Beeinflussbar</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="195" />
        <source>Digital / analog</source>
        <translation>Digital / analog</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="201" />
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="203" />
        <source>Customer rating (outside-in)</source>
        <translation>Kundensicht (outside-in)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="204" />
        <source>Company rating (inside-out)</source>
        <translation>Unternehmenssicht (inside-out)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="205" />
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="206" />
        <source>Moment</source>
        <translation>Moment</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="207" />
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="213" />
        <source>KPIs</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="215" />
        <source>Conversion rate (%)</source>
        <translation>Conversion-Rate (%)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="216" />
        <source>Satisfaction (%)</source>
        <translation>Zufriedenheit (%)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="217" />
        <source>ROI (%)</source>
        <translation>ROI (%)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="218" />
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="220" />
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="229" />
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="229" />
        <source>Serves</source>
        <translation>Zielgruppen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="232" />
        <source>Improvement</source>
        <translation>Verbesserung</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="234" />
        <source>Feedback sources</source>
        <translation>Feedbackquellen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="235" />
        <source>Improvement idea</source>
        <translation>Verbesserungsidee</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="236" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="237" />
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="273" />
        <source>Map properties</source>
        <translation>Karteneigenschaften</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="275" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="281" />
        <source>Personas (target groups)</source>
        <translation>Personas (Zielgruppen)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="284" />
        <source>Select a touchpoint to edit it.</source>
        <translation>Wählen Sie einen Touchpoint aus, um ihn zu bearbeiten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/inspector.py" line="326" />
        <source>&lt;b&gt;%n touchpoints&lt;/b&gt; selected</source>
        <translation>
            <numerusform>&lt;b&gt;%n Touchpoint&lt;/b&gt; ausgewählt</numerusform>
            <numerusform>&lt;b&gt;%n Touchpoints&lt;/b&gt; ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="368" />
        <source>Edit personas</source>
        <translation>Personas bearbeiten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="392" />
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="404" />
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/inspector.py" line="420" />
        <source>Edit map properties</source>
        <translation>Karteneigenschaften bearbeiten</translation>
    </message>
</context>
<context>
    <name>LockedMapQuestion</name>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="97" />
        <source>Map in use</source>
        <translation>Karte wird verwendet</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="100" />
        <source>“%1” is open in another tpmapper.</source>
        <translation>„%1“ ist in einem anderen tpmapper geöffnet.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="104" />
        <source>“%1” is open in another window.</source>
        <translation>„%1“ ist in einem anderen Fenster geöffnet.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="109" />
        <source>“%1” is open in another tpmapper (process %2 on %3).</source>
        <translation>„%1“ ist in einem anderen tpmapper geöffnet (Prozess %2 auf %3).</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="126" />
        <source>Open it read-only to look at it and export it, or open it anyway: then whoever saves last overwrites the other's changes.</source>
        <translation>Öffnen Sie sie schreibgeschützt, um sie anzusehen und zu exportieren, oder öffnen Sie sie trotzdem: Dann überschreibt, wer zuletzt speichert, die Änderungen des anderen.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="131" />
        <source>Open &amp;Read-Only</source>
        <translation>&amp;Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="133" />
        <source>Open &amp;Anyway</source>
        <translation>&amp;Trotzdem öffnen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tpmapper/ui/window_docks.py" line="36" />
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/window_docks.py" line="42" />
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/window_docks.py" line="49" />
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/window_docks.py" line="59" />
        <source>Insights</source>
        <translation>Auswertungen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/window_docks.py" line="69" />
        <source>&lt;opened&gt;</source>
        <translation>&lt;Stand beim Öffnen&gt;</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/window_docks.py" line="71" />
        <source>Undo History</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="170" />
        <source>%1 touchpoints · %2 links · %3 phases · %4 lanes</source>
        <translation>%1 Touchpoints · %2 Verbindungen · %3 Phasen · %4 Swimlanes</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/window_docks.py" line="142" />
        <source>%1 weak spots · %2 blind spots</source>
        <translation>%1 Schwachstellen · %2 blinde Flecken</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="205" />
        <source>&amp;New from Template…</source>
        <translation>&amp;Neu aus Vorlage…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="206" />
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="207" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="208" />
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="209" />
        <source>&amp;Close</source>
        <translation>Schl&amp;ießen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="210" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="211" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="212" />
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="214" />
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="215" />
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="216" />
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="217" />
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="218" />
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="220" />
        <source>Select &amp;All</source>
        <translation>Alles &amp;markieren</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="221" />
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="222" />
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="223" />
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="224" />
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="225" />
        <source>&amp;Phases and Lanes…</source>
        <translation>&amp;Phasen und Swimlanes…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="226" />
        <source>Map P&amp;roperties…</source>
        <translation>&amp;Karteneigenschaften…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="227" />
        <source>&amp;Fit to Window</source>
        <translation>An Fenster an&amp;passen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="228" />
        <source>&amp;Present</source>
        <translation>P&amp;räsentieren</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="229" />
        <source>Experience &amp;Curve</source>
        <translation>&amp;Erlebniskurve</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="235" />
        <source>&amp;Filter…</source>
        <translation>F&amp;iltern…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="237" />
        <source>&amp;Save View…</source>
        <translation>Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="239" />
        <source>&amp;Delete View</source>
        <translation>Ansicht &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="244" />
        <source>&amp;Import Excel Workbook…</source>
        <translation>Excel-Arbeitsmappe im&amp;portieren …</translation>
    </message>
    <message>
        <source>&amp;Excel Workbook…</source>
        <translation type="vanished">&amp;Excel-Arbeitsmappe …</translation>
    </message>
    <message>
        <source>&amp;PNG Image…</source>
        <translation type="vanished">&amp;PNG-Bild …</translation>
    </message>
    <message>
        <source>&amp;SVG Drawing…</source>
        <translation type="vanished">&amp;SVG-Grafik …</translation>
    </message>
    <message>
        <source>P&amp;DF Document…</source>
        <translation type="vanished">P&amp;DF-Dokument …</translation>
    </message>
    <message>
        <source>&amp;CSV Table…</source>
        <translation type="vanished">&amp;CSV-Tabelle …</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="264" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="266" />
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="274" />
        <source>&amp;Export</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="278" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="285" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="293" />
        <source>&amp;Map</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="158" />
        <source>Not possible</source>
        <extracomment>Every open main window (one map each), so windows stay alive and can find each other.</extracomment>
        <translation>Nicht möglich</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/main_window.py" line="311" />
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>%n Element löschen</numerusform>
            <numerusform>%n Elemente löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/main_window.py" line="326" />
        <source>Paste %n touchpoint(s)</source>
        <translation>
            <numerusform>%n Touchpoint einfügen</numerusform>
            <numerusform>%n Touchpoints einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/main_window.py" line="332" />
        <source>Duplicate %n touchpoint(s)</source>
        <translation>
            <numerusform>%n Touchpoint duplizieren</numerusform>
            <numerusform>%n Touchpoints duplizieren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="376" />
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="377" />
        <source>Save the changes to “%1” before closing?</source>
        <translation>Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="421" />
        <source>Cannot open the map</source>
        <translation>Die Karte kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="427" />
        <source>Open Map</source>
        <translation>Karte öffnen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="437" />
        <source>New Map</source>
        <translation>Neue Karte</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="437" />
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="455" />
        <source>Save Map As</source>
        <translation>Karte speichern unter</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="467" />
        <source>Cannot save the map</source>
        <translation>Die Karte kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/main_window.py" line="471" />
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <location filename="../../tpmapper/ui/canvas/scene.py" line="57" />
        <source>Drop a touchpoint here</source>
        <translation>Touchpoint hier ablegen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="96" />
        <source>Experience curve</source>
        <translation>Erlebniskurve</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="97" />
        <source>Customer view</source>
        <translation>Kundensicht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/words.py" line="98" />
        <source>Company view</source>
        <translation>Unternehmenssicht</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/scene.py" line="118" />
        <source>%1 % of customers take this step</source>
        <translation>%1 % der Kunden gehen diesen Schritt</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/scene.py" line="332" />
        <source>Add touchpoint</source>
        <translation>Touchpoint hinzufügen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/scene.py" line="346" />
        <source>Rename touchpoint</source>
        <translation>Touchpoint umbenennen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/scene.py" line="351" />
        <source>Label link</source>
        <translation>Verbindung beschriften</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/canvas/scene.py" line="382" />
        <location filename="../../tpmapper/ui/canvas/scene.py" line="490" />
        <source>Move %n touchpoint(s)</source>
        <translation>
            <numerusform>%n Touchpoint verschieben</numerusform>
            <numerusform>%n Touchpoints verschieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/scene.py" line="463" />
        <source>New touchpoint</source>
        <translation>Neuer Touchpoint</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../tpmapper/ui/canvas/view.py" line="209" />
        <source>Reorder</source>
        <translation>Reihenfolge ändern</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/view.py" line="235" />
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/view.py" line="426" />
        <source>&amp;Legend</source>
        <translation>Le&amp;gende</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/view.py" line="442" />
        <source>On the map</source>
        <translation>Auf der Karte</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/view.py" line="443" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/view.py" line="444" />
        <source>Company rates it N higher</source>
        <translation>Unternehmenssicht N höher</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/view.py" line="445" />
        <source>Customer rating, 1–5</source>
        <translation>Kundensicht, 1–5</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/view.py" line="446" />
        <source>Touchpoints in a phase or lane</source>
        <translation>Touchpoints in einer Phase oder Swimlane</translation>
    </message>
</context>
<context>
    <name>NewLinkInteraction</name>
    <message>
        <location filename="../../tpmapper/ui/canvas/new_link.py" line="53" />
        <source>Connect touchpoints</source>
        <translation>Touchpoints verbinden</translation>
    </message>
</context>
<context>
    <name>PaletteWidget</name>
    <message>
        <location filename="../../tpmapper/ui/palette.py" line="46" />
        <source>Search touchpoints</source>
        <translation>Touchpoints suchen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/palette.py" line="60" />
        <source>Blank touchpoint</source>
        <translation>Leerer Touchpoint</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/palette.py" line="61" />
        <source>New touchpoint</source>
        <translation>Neuer Touchpoint</translation>
    </message>
</context>
<context>
    <name>PictureOptionsDialog</name>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="65" />
        <source>Export Options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="72" />
        <source>Transparent background</source>
        <translation>Transparenter Hintergrund</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="73" />
        <source>Add a legend</source>
        <translation>Legende hinzufügen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="76" />
        <source>Only the selected touchpoints</source>
        <translation>Nur die ausgewählten Touchpoints</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="79" />
        <source>Fit on one page</source>
        <translation>Auf eine Seite einpassen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="80" />
        <source>Split over pages at 100 %</source>
        <translation>In 100 % auf mehrere Seiten verteilen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="82" />
        <source>Scale:</source>
        <translation>Skalierung:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/exchange.py" line="90" />
        <source>Pages:</source>
        <translation>Seiten:</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../tpmapper/ui/preferences.py" line="32" />
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/preferences.py" line="36" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/preferences.py" line="41" />
        <source>Unsaved changes are copied aside this often (and when you switch to another window). After a crash, tpmapper offers them when it starts again.</source>
        <translation>So oft werden ungesicherte Änderungen beiseitegelegt (und wenn Sie zu einem anderen Fenster wechseln). Nach einem Absturz bietet tpmapper sie beim nächsten Start an.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/preferences.py" line="47" />
        <source>Keep the previous version as NAME.tpmap~</source>
        <translation>Vorige Fassung als NAME.tpmap~ behalten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/preferences.py" line="52" />
        <source>Autosave every:</source>
        <translation>Automatisch sichern alle:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/preferences.py" line="54" />
        <source>When saving:</source>
        <translation>Beim Speichern:</translation>
    </message>
</context>
<context>
    <name>PresentationView</name>
    <message>
        <location filename="../../tpmapper/ui/presentation.py" line="143" />
        <source>Presenting — %1</source>
        <translation>Präsentation — %1</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/presentation.py" line="234" />
        <source>Phase %1 of %2 · %3</source>
        <translation>Phase %1 von %2 · %3</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="71" />
        <source>Recover Unsaved Work</source>
        <translation>Ungesicherte Arbeit wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="76" />
        <source>tpmapper closed before %n map(s) were saved.</source>
        <translation>
            <numerusform>tpmapper wurde beendet, bevor %n Karte gespeichert war.</numerusform>
            <numerusform>tpmapper wurde beendet, bevor %n Karten gespeichert waren.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="83" />
        <source>Recover opens the checked maps with their unsaved changes, ready to be saved. Discard deletes them. Later asks again the next time tpmapper starts.</source>
        <translation>Wiederherstellen öffnet die markierten Karten mit ihren ungesicherten Änderungen, bereit zum Speichern. Verwerfen löscht sie. Später fragt beim nächsten Start von tpmapper erneut.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="113" />
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="113" />
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="113" />
        <source>Autosaved</source>
        <translation>Automatisch gesichert</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="113" />
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="135" />
        <source>&amp;Recover</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="139" />
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="143" />
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="154" />
        <source>unsaved map</source>
        <translation>ungespeicherte Karte</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="207" />
        <source>Recovered changes</source>
        <translation>Wiederhergestellte Änderungen</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="211" />
        <source>Cannot recover the map</source>
        <translation>Die Karte kann nicht wiederhergestellt werden</translation>
    </message>
</context>
<context>
    <name>SaveOverQuestion</name>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="161" />
        <source>Save over it anyway? Whoever saves last overwrites the other's changes.</source>
        <translation>Trotzdem darüber speichern? Wer zuletzt speichert, überschreibt die Änderungen des anderen.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/file_lock.py" line="164" />
        <source>&amp;Save Anyway</source>
        <translation>Trotzdem &amp;speichern</translation>
    </message>
</context>
<context>
    <name>TouchpointItem</name>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="131" />
        <source>Channel: %1</source>
        <translation>Kanal: %1</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="135" />
        <location filename="../../tpmapper/ui/canvas/items.py" line="178" />
        <source>Owner: %1</source>
        <translation>Verantwortliche(r): %1</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="173" />
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="174" />
        <source>%1 of 5</source>
        <translation>%1 von 5</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="180" />
        <source>Customer rating: %1 · Company rating: %2</source>
        <translation>Kundensicht: %1 · Unternehmenssicht: %2</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="185" />
        <source>Conversion rate</source>
        <translation>Konversionsrate</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="186" />
        <source>Satisfaction</source>
        <translation>Zufriedenheit</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="187" />
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="188" />
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/canvas/items.py" line="189" />
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
</context>
<context>
    <name>ViewBar</name>
    <message>
        <location filename="../../tpmapper/ui/view_bar.py" line="28" />
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/view_bar.py" line="36" />
        <source>View:</source>
        <translation>Ansicht:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/view_bar.py" line="58" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/view_bar.py" line="101" />
        <source>Save View</source>
        <translation>Ansicht speichern</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/view_bar.py" line="101" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/view_bar.py" line="110" />
        <source>Save view %1</source>
        <translation>Ansicht %1 speichern</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/view_bar.py" line="119" />
        <source>Delete view %1</source>
        <translation>Ansicht %1 löschen</translation>
    </message>
</context>
<context>
    <name>WindowTrust</name>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="44" />
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="46" />
        <source>Another tpmapper has this map open: Save offers Save As</source>
        <translation>Ein anderer tpmapper hat diese Karte geöffnet: Speichern bietet „Speichern unter“ an</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="55" />
        <source>Pr&amp;eferences…</source>
        <translation>Ei&amp;nstellungen…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="82" />
        <source>Autosave failed: %1</source>
        <translation>Automatisches Sichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="113" />
        <source>Map open read-only</source>
        <translation>Karte schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="114" />
        <source>“%1” is open read-only: another tpmapper has it open.</source>
        <translation>„%1“ ist schreibgeschützt geöffnet: Ein anderer tpmapper hat sie geöffnet.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="120" />
        <source>Save your changes to another file?</source>
        <translation>Ihre Änderungen in einer anderen Datei speichern?</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="121" />
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="131" />
        <source>Changed on disk</source>
        <translation>Auf der Festplatte geändert</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="132" />
        <source>“%1” was changed on disk since you opened it.</source>
        <translation>„%1“ wurde auf der Festplatte geändert, seit Sie sie geöffnet haben.</translation>
    </message>
    <message>
        <location filename="../../tpmapper/ui/trust.py" line="138" />
        <source>Save over it? The version on disk will be lost.</source>
        <translation>Trotzdem überschreiben? Die Fassung auf der Festplatte geht verloren.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="15" />
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="16" />
        <source>Online shop</source>
        <translation>Onlineshop</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="17" />
        <source>Search engine</source>
        <translation>Suchmaschine</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="18" />
        <source>Display ad</source>
        <translation>Display-Anzeige</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="19" />
        <source>Native ad</source>
        <translation>Native Ad</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="20" />
        <source>Paid search</source>
        <translation>Suchmaschinenwerbung (SEA)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="21" />
        <source>Social media ad</source>
        <translation>Social-Media-Anzeige</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="22" />
        <source>Social media</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="23" />
        <source>Review portal</source>
        <translation>Bewertungsportal</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="24" />
        <source>Word of mouth</source>
        <translation>Mundpropaganda</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="25" />
        <source>Influencer</source>
        <translation>Influencer</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="26" />
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="27" />
        <source>Newsletter</source>
        <translation>Newsletter</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="28" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="29" />
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="30" />
        <source>Chatbot</source>
        <translation>Chatbot</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="31" />
        <source>AI assistant / AI search</source>
        <translation>KI-Assistent / KI-Suche</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="32" />
        <source>Physical store</source>
        <translation>Ladengeschäft</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="33" />
        <source>Sales talk</source>
        <translation>Verkaufsgespräch</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="34" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="35" />
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="36" />
        <source>Letter / parcel</source>
        <translation>Brief / Paket</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="37" />
        <source>TV / radio</source>
        <translation>TV / Radio</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="38" />
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="39" />
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="40" />
        <location filename="../../tpmapper/render/labels.py" line="54" />
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="41" />
        <source>Owned</source>
        <translation>Owned (eigene Medien)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="42" />
        <source>Paid</source>
        <translation>Paid (bezahlte Medien)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="43" />
        <source>Earned</source>
        <translation>Earned (verdiente Medien)</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="44" />
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="45" />
        <source>Indirect</source>
        <translation>Indirekt</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="46" />
        <source>Digital</source>
        <translation>Digital</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="47" />
        <source>Analog</source>
        <translation>Analog</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="48" />
        <source>Pain point</source>
        <translation>Schwachstelle</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="49" />
        <source>Positive moment</source>
        <translation>Positiver Moment</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="50" />
        <source>Channel group</source>
        <translation>Kanalgruppe</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="51" />
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="52" />
        <source>Touchpoint class</source>
        <translation>Touchpoint-Kategorie</translation>
    </message>
    <message>
        <location filename="../../tpmapper/render/labels.py" line="53" />
        <source>Blueprint layer</source>
        <translation>Blueprint-Ebene</translation>
    </message>
</context>
</TS>
