<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ErrorReport</name>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/error_report.py" line="184" />
        <source>… and %n more error(s)</source>
        <translation>
            <numerusform>… and %n more error</numerusform>
            <numerusform>… and %n more errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/exchange.py" line="269" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/find_bar.py" line="64" />
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/inspector.py" line="326" />
        <source>&lt;b&gt;%n touchpoints&lt;/b&gt; selected</source>
        <translation>
            <numerusform>&lt;b&gt;%n touchpoint&lt;/b&gt; selected</numerusform>
            <numerusform>&lt;b&gt;%n touchpoints&lt;/b&gt; selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/main_window.py" line="311" />
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/main_window.py" line="326" />
        <source>Paste %n touchpoint(s)</source>
        <translation>
            <numerusform>Paste %n touchpoint</numerusform>
            <numerusform>Paste %n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/main_window.py" line="332" />
        <source>Duplicate %n touchpoint(s)</source>
        <translation>
            <numerusform>Duplicate %n touchpoint</numerusform>
            <numerusform>Duplicate %n touchpoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/canvas/scene.py" line="382" />
        <location filename="../../tpmapper/ui/canvas/scene.py" line="490" />
        <source>Move %n touchpoint(s)</source>
        <translation>
            <numerusform>Move %n touchpoint</numerusform>
            <numerusform>Move %n touchpoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message numerus="yes">
        <location filename="../../tpmapper/ui/recovery_dialog.py" line="76" />
        <source>tpmapper closed before %n map(s) were saved.</source>
        <translation>
            <numerusform>tpmapper closed before %n map was saved.</numerusform>
            <numerusform>tpmapper closed before %n maps were saved.</numerusform>
        </translation>
    </message>
</context>
</TS>
