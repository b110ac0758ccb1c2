<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CountdownDial</name>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PendingWrites</name>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet: the disk is full. Nothing is lost: they are kept and StretchGuide tries again every few seconds. Please free some disk space.</source>
        <translation>
            <numerusform>%n record could not be saved yet: the disk is full. Nothing is lost: it is kept and StretchGuide tries again every few seconds. Please free some disk space.</numerusform>
            <numerusform>%n records could not be saved yet: the disk is full. Nothing is lost: they are kept and StretchGuide tries again every few seconds. Please free some disk space.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet: another program is using your history. Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation>
            <numerusform>%n record could not be saved yet: another program is using your history. Nothing is lost: it is kept and StretchGuide tries again every few seconds.</numerusform>
            <numerusform>%n records could not be saved yet: another program is using your history. Nothing is lost: they are kept and StretchGuide tries again every few seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet (the disk may be full, or another program is using your history). Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation>
            <numerusform>%n record could not be saved yet (the disk may be full, or another program is using your history). Nothing is lost: it is kept and StretchGuide tries again every few seconds.</numerusform>
            <numerusform>%n records could not be saved yet (the disk may be full, or another program is using your history). Nothing is lost: they are kept and StretchGuide tries again every few seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message numerus="yes">
        <source>A routine holds at most %n exercises. Please remove some.</source>
        <translation>
            <numerusform>A routine holds at most %n exercise. Please remove some.</numerusform>
            <numerusform>A routine holds at most %n exercises. Please remove some.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutineListModel</name>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n exercise</numerusform>
            <numerusform>%n exercises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message numerus="yes">
        <source>%n record(s) of this session could not be saved yet. They are kept while StretchGuide is open and saved as soon as the disk has room or your history is free. Try again now?</source>
        <translation>
            <numerusform>%n record of this session could not be saved yet. It is kept while StretchGuide is open and saved as soon as the disk has room or your history is free. Try again now?</numerusform>
            <numerusform>%n records of this session could not be saved yet. They are kept while StretchGuide is open and saved as soon as the disk has room or your history is free. Try again now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet. If StretchGuide closes now, they are lost. Close anyway?</source>
        <translation>
            <numerusform>%n record could not be saved yet. If StretchGuide closes now, it is lost. Close anyway?</numerusform>
            <numerusform>%n records could not be saved yet. If StretchGuide closes now, they are lost. Close anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message numerus="yes">
        <source>You pressed “%1” %n time(s) during this session: %2.</source>
        <translation>
            <numerusform>You pressed “%1” %n time during this session: %2.</numerusform>
            <numerusform>You pressed “%1” %n times during this session: %2.</numerusform>
        </translation>
    </message>
</context>
</TS>
