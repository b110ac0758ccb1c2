<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AnimatedFigure</name>
    <message>
        <source>Exercise figure</source>
        <translation>Übungsfigur</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>Before you start: how are you right now?</source>
        <translation>Vor dem Start: Wie geht es Ihnen gerade?</translation>
    </message>
    <message>
        <source>After the session: how are you now?</source>
        <translation>Nach der Einheit: Wie geht es Ihnen jetzt?</translation>
    </message>
    <message>
        <source>Good morning: how did you wake up?</source>
        <translation>Guten Morgen: Wie sind Sie aufgewacht?</translation>
    </message>
    <message>
        <source>How are you right now?</source>
        <translation>Wie geht es Ihnen gerade?</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Rückenschmerzen</translation>
    </message>
    <message>
        <source>Leg pain</source>
        <translation>Beinschmerzen</translation>
    </message>
    <message>
        <source>How far down the leg do you feel it?</source>
        <translation>Wie weit ins Bein spüren Sie es?</translation>
    </message>
    <message>
        <source>Not in the leg</source>
        <translation>Nicht im Bein</translation>
    </message>
    <message>
        <source>Buttock</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>Thigh</source>
        <translation>Oberschenkel</translation>
    </message>
    <message>
        <source>Below the knee</source>
        <translation>Unterhalb des Knies</translation>
    </message>
    <message>
        <source>Into the foot</source>
        <translation>Bis in den Fuß</translation>
    </message>
    <message>
        <source>Symptoms reach: </source>
        <translation>Beschwerden reichen bis: </translation>
    </message>
    <message>
        <source>How far down the leg</source>
        <translation>Wie weit ins Bein</translation>
    </message>
    <message>
        <source>Do you also feel any of these?</source>
        <translation>Spüren Sie auch etwas davon?</translation>
    </message>
    <message>
        <source>&amp;Tingling</source>
        <translation>&amp;Kribbeln</translation>
    </message>
    <message>
        <source>&amp;Numbness</source>
        <translation>&amp;Taubheit</translation>
    </message>
    <message>
        <source>&amp;Weakness</source>
        <translation>&amp;Schwäche</translation>
    </message>
    <message>
        <source>Tingling</source>
        <translation>Kribbeln</translation>
    </message>
    <message>
        <source>Numbness</source>
        <translation>Taubheit</translation>
    </message>
    <message>
        <source>Weakness</source>
        <translation>Schwäche</translation>
    </message>
    <message>
        <source>Other symptoms</source>
        <translation>Andere Beschwerden</translation>
    </message>
    <message>
        <source>Before the session</source>
        <translation>Vor der Einheit</translation>
    </message>
    <message>
        <source>Which leg hurts?</source>
        <translation>Welches Bein schmerzt?</translation>
    </message>
    <message>
        <source>&amp;Left</source>
        <translation>&amp;Links</translation>
    </message>
    <message>
        <source>&amp;Right</source>
        <translation>&amp;Rechts</translation>
    </message>
    <message>
        <source>Painful leg: </source>
        <translation>Schmerzendes Bein: </translation>
    </message>
    <message>
        <source>Which leg hurts</source>
        <translation>Welches Bein schmerzt</translation>
    </message>
    <message>
        <source>&amp;Both legs</source>
        <translation>&amp;Beide Beine</translation>
    </message>
    <message>
        <source>Not s&amp;ure</source>
        <translation>&amp;Nicht sicher</translation>
    </message>
    <message>
        <source>Exercises for the painful leg are done on this leg. Both legs or not sure: they are done on both legs.</source>
        <translation>Übungen für das schmerzende Bein werden mit diesem Bein gemacht. Beide Beine oder nicht sicher: mit beiden Beinen.</translation>
    </message>
    <message>
        <source>N&amp;ote (optional)</source>
        <translation>N&amp;otiz (freiwillig)</translation>
    </message>
    <message>
        <source>Anything you want to remember or tell your clinician</source>
        <translation>Was Sie sich merken oder Ihrem Arzt oder Therapeuten sagen möchten</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Form error</source>
        <translation>Fehler im Formular</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>What this is for: your answers stay on this computer. Before and after each session they show whether the exercises calm your symptoms or stir them up; over days they draw your pain trend and the 14-day verdict in History. Pain spreading further down the leg, or new numbness or weakness, is a sign to ease off and talk to a professional.</source>
        <translation>Wozu das dient: Ihre Antworten bleiben auf diesem Computer. Vor und nach jeder Einheit zeigen sie, ob die Übungen Ihre Beschwerden beruhigen oder verstärken; über die Tage ergeben sie Ihren Schmerzverlauf und die 14-Tage-Bilanz im Verlauf. Strahlt der Schmerz weiter ins Bein aus oder treten neue Taubheit oder Schwäche auf, ist das ein Zeichen, nachzulassen und mit einer Fachperson zu sprechen.</translation>
    </message>
    <message>
        <source>What the answers are used for</source>
        <translation>Wozu die Antworten dienen</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>Über&amp;springen</translation>
    </message>
    <message>
        <source>Skip the check-in</source>
        <translation>Check-in überspringen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the check-in</source>
        <translation>Check-in speichern</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Routine:</source>
        <translation>Programm:</translation>
    </message>
    <message>
        <source>not in the leg</source>
        <translation>nicht im Bein</translation>
    </message>
    <message>
        <source>buttock</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>thigh</source>
        <translation>Oberschenkel</translation>
    </message>
    <message>
        <source>below the knee</source>
        <translation>unterhalb des Knies</translation>
    </message>
    <message>
        <source>into the foot</source>
        <translation>bis in den Fuß</translation>
    </message>
    <message>
        <source>tingling</source>
        <translation>Kribbeln</translation>
    </message>
    <message>
        <source>numbness</source>
        <translation>Taubheit</translation>
    </message>
    <message>
        <source>weakness</source>
        <translation>Schwäche</translation>
    </message>
    <message>
        <source>Before the session: symptoms reached %1; %2.</source>
        <translation>Vor der Einheit: Beschwerden bis %1; %2.</translation>
    </message>
    <message>
        <source>no tingling, numbness or weakness</source>
        <translation>kein Kribbeln, keine Taubheit oder Schwäche</translation>
    </message>
    <message>
        <source>How did each exercise feel?</source>
        <translation>Wie hat sich jede Übung angefühlt?</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Besser</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Schlechter</translation>
    </message>
    <message>
        <source>Please pick a number for back pain and for leg pain.</source>
        <translation>Bitte wählen Sie eine Zahl für Rücken- und für Beinschmerzen.</translation>
    </message>
    <message>
        <source>Please say how far down the leg you feel it (or &quot;Not in the leg&quot;).</source>
        <translation>Bitte geben Sie an, wie weit ins Bein Sie es spüren (oder „Nicht im Bein“).</translation>
    </message>
    <message>
        <source>Please say which leg hurts (or both, or not sure).</source>
        <translation>Bitte geben Sie an, welches Bein schmerzt (oder beide, oder nicht sicher).</translation>
    </message>
</context>
<context>
    <name>ChoiceOverlay</name>
    <message>
        <source>Press %1</source>
        <translation>Taste %1</translation>
    </message>
    <message>
        <source>Stop the session (you are asked first)</source>
        <translation>Einheit beenden (nach einer Rückfrage)</translation>
    </message>
    <message>
        <source>Esc: %1</source>
        <translation>Esc: %1</translation>
    </message>
</context>
<context>
    <name>Companion</name>
    <message>
        <source>StretchGuide</source>
        <translation>StretchGuide</translation>
    </message>
    <message>
        <source>Start today&apos;s routine</source>
        <translation>Heutiges Programm starten</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Open StretchGuide</source>
        <translation>StretchGuide öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Start today&apos;s routine: %1</source>
        <translation>Heutiges Programm starten: %1</translation>
    </message>
    <message>
        <source>The plan could not be saved: %1</source>
        <translation>Der Plan konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Ready for a little more?</source>
        <translation>Bereit für etwas mehr?</translation>
    </message>
    <message>
        <source>Go gentler next time?</source>
        <translation>Nächstes Mal sanfter?</translation>
    </message>
    <message>
        <source>Your plan was dated after today, probably because the computer&apos;s clock was ahead. It now starts today.</source>
        <translation>Ihr Plan war auf einen Tag nach heute datiert, wahrscheinlich weil die Uhr des Computers vorging. Er beginnt jetzt ab heute.</translation>
    </message>
    <message>
        <source>Changes to your plan</source>
        <translation>Änderungen an Ihrem Plan</translation>
    </message>
    <message>
        <source>StretchGuide suggests these changes for your next session. Untick any you do not want.</source>
        <translation>StretchGuide schlägt diese Änderungen für Ihre nächste Einheit vor. Entfernen Sie das Häkchen bei allem, was Sie nicht möchten.</translation>
    </message>
    <message>
        <source>The plan could not be saved</source>
        <translation>Der Plan konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 is planned for today.</source>
        <translation>%1 ist für heute geplant.</translation>
    </message>
    <message>
        <source>Pick a routine and take a few minutes for your back.</source>
        <translation>Wählen Sie ein Programm und nehmen Sie sich ein paar Minuten für Ihren Rücken.</translation>
    </message>
    <message>
        <source>Time for your stretches.</source>
        <translation>Zeit für Ihre Dehnübungen.</translation>
    </message>
    <message>
        <source>Time for your stretches</source>
        <translation>Zeit für Ihre Dehnübungen</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Jetzt starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Guten Morgen</translation>
    </message>
    <message>
        <source>How is your back after yesterday&apos;s session? A quick check-in helps.</source>
        <translation>Wie geht es Ihrem Rücken nach der gestrigen Einheit? Ein kurzer Check-in hilft.</translation>
    </message>
</context>
<context>
    <name>CountdownDial</name>
    <message>
        <source>Countdown</source>
        <translation>Countdown</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>Noch %n Sekunde</numerusform>
            <numerusform>Noch %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CuePlayer</name>
    <message>
        <source>No sound output found: cues are shown on screen only.</source>
        <translation>Kein Tonausgang gefunden: Signale werden nur auf dem Bildschirm gezeigt.</translation>
    </message>
    <message>
        <source>Some cue sounds are missing; the voice carries on.</source>
        <translation>Einige Signaltöne fehlen; die Stimme spricht weiter.</translation>
    </message>
    <message>
        <source>The speech engine stopped working: using recorded voice.</source>
        <translation>Die Sprachausgabe funktioniert nicht mehr: aufgenommene Stimme wird verwendet.</translation>
    </message>
    <message>
        <source>The speech engine stopped working: beeps only.</source>
        <translation>Die Sprachausgabe funktioniert nicht mehr: nur noch Signaltöne.</translation>
    </message>
</context>
<context>
    <name>FullScreenButton</name>
    <message>
        <source>Leave full screen</source>
        <translation>Vollbild beenden</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
</context>
<context>
    <name>GuidancePage</name>
    <message>
        <source>Activities to limit for now</source>
        <translation>Was Sie vorerst meiden sollten</translation>
    </message>
    <message>
        <source>Ice and heat</source>
        <translation>Kälte und Wärme</translation>
    </message>
    <message>
        <source>Keep moving</source>
        <translation>In Bewegung bleiben</translation>
    </message>
    <message>
        <source>How hard to push</source>
        <translation>Wie weit Sie gehen sollten</translation>
    </message>
    <message>
        <source>When to see a professional</source>
        <translation>Wann Sie zu einer Fachperson gehen sollten</translation>
    </message>
    <message>
        <source>Living with sciatica</source>
        <translation>Leben mit Ischiasbeschwerden</translation>
    </message>
    <message>
        <source>Ice: %1-%2 minutes at a time, %3-%4 times a day.</source>
        <translation>Kälte: jeweils %1–%2 Minuten, %3- bis %4-mal am Tag.</translation>
    </message>
    <message>
        <source>Get medical help today if</source>
        <translation>Holen Sie noch heute ärztliche Hilfe, wenn</translation>
    </message>
    <message>
        <source>See a doctor soon if</source>
        <translation>Gehen Sie bald zum Arzt, wenn</translation>
    </message>
    <message>
        <source>This is general guidance, not medical advice.</source>
        <translation>Dies sind allgemeine Hinweise, kein ärztlicher Rat.</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Ratgeber</translation>
    </message>
</context>
<context>
    <name>HelpsHurtsBox</name>
    <message>
        <source>Exercises that tend to help or hurt</source>
        <translation>Übungen, die eher helfen oder schaden</translation>
    </message>
    <message>
        <source>How to read this table</source>
        <translation>So lesen Sie diese Tabelle</translation>
    </message>
    <message>
        <source>⚠ hurt: your worse answers and “this hurts” presses outnumber your better answers — consider easing off it or leaving it out, and mention it to your clinician. The next check-in counts are shared by every exercise done in a session: they show what came after, not what caused it.</source>
        <translation>⚠ schadet: Ihre „schlechter“-Antworten und „Das tut weh“-Klicks überwiegen die „besser“-Antworten – lassen Sie bei der Übung nach oder lassen Sie sie weg, und sprechen Sie mit Ihrem Arzt oder Therapeuten darüber. Die Zahlen zum nächsten Check-in gelten für alle Übungen, die in einer Einheit gemacht wurden: Sie zeigen, was danach kam, nicht was es verursacht hat.</translation>
    </message>
</context>
<context>
    <name>HelpsHurtsModel</name>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Tends to</source>
        <translation>Eher</translation>
    </message>
    <message>
        <source>&quot;This
hurts&quot;</source>
        <translation>„Das tut
weh“</translation>
    </message>
    <message>
        <source>You said
✓ · = · ⚠</source>
        <translation>Ihre Angabe
✓ · = · ⚠</translation>
    </message>
    <message>
        <source>Next check-in
✓ · = · ⚠</source>
        <translation>Nächster Check-in
✓ · = · ⚠</translation>
    </message>
    <message>
        <source>You said: better, the same, worse</source>
        <translation>Ihre Angabe: besser, gleich, schlechter</translation>
    </message>
    <message>
        <source>Next check-in: better, the same, worse</source>
        <translation>Nächster Check-in: besser, gleich, schlechter</translation>
    </message>
    <message>
        <source>Counts: ✓ better · = the same · ⚠ worse</source>
        <translation>Zahlen: ✓ besser · = gleich · ⚠ schlechter</translation>
    </message>
    <message>
        <source>Hurt: your worse answers and “this hurts” presses outnumber your better answers. Help: your better answers outnumber them.</source>
        <translation>Schadet: Ihre Antworten „schlechter“ und Ihre Klicks auf „Das tut weh“ sind häufiger als Ihre Antworten „besser“. Hilft: Ihre Antworten „besser“ sind häufiger.</translation>
    </message>
    <message>
        <source>Your own answers after each session: better, the same, or worse.</source>
        <translation>Ihre eigenen Antworten nach jeder Einheit: besser, gleich oder schlechter.</translation>
    </message>
    <message>
        <source>How many times you pressed “this hurts” during this exercise.</source>
        <translation>Wie oft Sie bei dieser Übung „Das tut weh“ gedrückt haben.</translation>
    </message>
    <message>
        <source>How the next check-in compared with the one before, after sessions in which you did this exercise (skipped or not reached: not counted). Shared by every exercise done in that session: it shows what came after, not what caused it.</source>
        <translation>Wie der nächste Check-in im Vergleich zum vorigen ausfiel, nach Einheiten, in denen Sie diese Übung gemacht haben (übersprungen oder nicht erreicht: zählt nicht). Gilt für jede Übung, die in dieser Einheit gemacht wurde: Es zeigt, was danach kam, nicht was es verursacht hat.</translation>
    </message>
    <message>
        <source>⚠ hurt</source>
        <translation>⚠ schadet</translation>
    </message>
    <message>
        <source>✓ help</source>
        <translation>✓ hilft</translation>
    </message>
    <message>
        <source>unclear</source>
        <translation>unklar</translation>
    </message>
    <message>
        <source>%1 tends to hurt</source>
        <translation>%1 scheint zu schaden</translation>
    </message>
    <message>
        <source>%1 tends to help</source>
        <translation>%1 scheint zu helfen</translation>
    </message>
    <message>
        <source>No clear lean for %1</source>
        <translation>Keine klare Tendenz bei %1</translation>
    </message>
    <message>
        <source>You said better %1, the same %2, worse %3 times</source>
        <translation>Ihre Antworten: besser %1, gleich %2, schlechter %3 Mal</translation>
    </message>
    <message>
        <source>“This hurts” pressed %1 times</source>
        <translation>„Das tut weh“ %1 Mal gedrückt</translation>
    </message>
    <message>
        <source>Next check-in better %1, the same %2, worse %3 times</source>
        <translation>Nächster Check-in besser %1, gleich %2, schlechter %3 Mal</translation>
    </message>
</context>
<context>
    <name>HistoryExports</name>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 gibt es schon. Ersetzen?</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>StretchGuide: pain over time, %1 to %2</source>
        <translation>StretchGuide: Schmerz im Verlauf, %1 bis %2</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>Export data to folder</source>
        <translation>Daten in Ordner exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exporting your history...</source>
        <translation>Ihr Verlauf wird exportiert …</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>2 weeks</source>
        <translation>2 Wochen</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 Monate</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 zeigen</translation>
    </message>
    <message>
        <source>Value under the pointer</source>
        <translation>Wert unter dem Mauszeiger</translation>
    </message>
    <message>
        <source>Save chart (&amp;PNG)</source>
        <translation>Diagramm speichern (&amp;PNG)</translation>
    </message>
    <message>
        <source>Export data (C&amp;SV)</source>
        <translation>Daten exportieren (C&amp;SV)</translation>
    </message>
    <message>
        <source>Report for my &amp;clinician (PDF)</source>
        <translation>Bericht für Arzt oder &amp;Therapeut (PDF)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing here yet&lt;/h2&gt;&lt;p&gt;After your first check-in or session, your back and leg pain will show here, day by day, with a 7-day average so you can see the trend.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch nichts da&lt;/h2&gt;&lt;p&gt;Nach Ihrem ersten Check-in oder Ihrer ersten Einheit sehen Sie hier Ihre Rücken- und Beinschmerzen Tag für Tag, mit einem 7-Tage-Mittelwert, der den Verlauf zeigt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LastResort</name>
    <message>
        <source>Something went wrong, and that action was stopped (%1).</source>
        <translation>Etwas ist schiefgegangen, und dieser Schritt wurde abgebrochen (%1).</translation>
    </message>
    <message>
        <source>The details are in %1, if someone helps you with it.</source>
        <translation>Die Einzelheiten stehen in %1, falls Ihnen jemand dabei hilft.</translation>
    </message>
</context>
<context>
    <name>ListeningIndicator</name>
    <message>
        <source>Voice commands</source>
        <translation>Sprachbefehle</translation>
    </message>
    <message>
        <source>Heard: %1</source>
        <translation>Gehört: %1</translation>
    </message>
    <message>
        <source>No sound from the microphone: muted?</source>
        <translation>Kein Ton vom Mikrofon: stummgeschaltet?</translation>
    </message>
    <message>
        <source>Unmute the microphone, or choose another in Settings.</source>
        <translation>Schalten Sie das Mikrofon wieder ein oder wählen Sie in den Einstellungen ein anderes.</translation>
    </message>
    <message>
        <source>Wait: the app is speaking</source>
        <translation>Warten: die App spricht</translation>
    </message>
    <message>
        <source>Commands are not heard while the app speaks. Say yours when it has finished.</source>
        <translation>Während die App spricht, werden Befehle nicht gehört. Sagen Sie Ihren Befehl, wenn sie fertig ist.</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Hört zu</translation>
    </message>
    <message>
        <source>Say pause, go on, skip, back, ouch, stop, mute or unmute.</source>
        <translation>Sagen Sie auf Englisch: pause, go on, skip, back, ouch, stop, mute oder unmute.</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Hört nicht zu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>StretchGuide</source>
        <translation>StretchGuide</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;Routines</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Guidance</source>
        <translation>&amp;Ratgeber</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;Check-in</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Safety &amp;questions</source>
        <translation>Sicherheits&amp;fragen</translation>
    </message>
    <message>
        <source>&amp;Print / Save as PDF</source>
        <translation>&amp;Drucken / als PDF speichern</translation>
    </message>
    <message>
        <source>Plan to &amp;calendar</source>
        <translation>Plan in den &amp;Kalender</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>StretchGuide will start in the tray at login (%1).</source>
        <translation>StretchGuide startet beim Anmelden im Infobereich (%1).</translation>
    </message>
    <message>
        <source>StretchGuide no longer starts at login (%1 removed).</source>
        <translation>StretchGuide startet nicht mehr beim Anmelden (%1 entfernt).</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Das tut weh</translation>
    </message>
    <message>
        <source>The session is paused. Sharp or growing pain means stop.</source>
        <translation>Die Einheit ist pausiert. Stechender oder zunehmender Schmerz heißt: aufhören.</translation>
    </message>
    <message>
        <source>Or say “ease off”, “skip”, “go on” or “stop”.</source>
        <translation>Oder sagen Sie auf Englisch „ease off“, „skip“, „go on“ oder „stop“.</translation>
    </message>
    <message>
        <source>Or say “skip”, “go on” or “stop”.</source>
        <translation>Oder sagen Sie auf Englisch „skip“, „go on“ oder „stop“.</translation>
    </message>
    <message>
        <source>Ease off: shorter holds from here</source>
        <translation>Nachlassen: ab jetzt kürzer halten</translation>
    </message>
    <message>
        <source>Skip this exercise</source>
        <translation>Diese Übung überspringen</translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation>Weitermachen</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Einheit beenden</translation>
    </message>
    <message>
        <source>No, back to the choices</source>
        <translation>Nein, zurück zur Auswahl</translation>
    </message>
</context>
<context>
    <name>MicrophoneTest</name>
    <message>
        <source>Say each command from where you will lie. A tick means it was heard in your voice and room. Not ticked after a few tries: say its other word, or bring the microphone nearer. In a session, the H key always does “this hurts”.</source>
        <translation>Sagen Sie jeden Befehl von dort, wo Sie liegen werden. Ein Haken heißt: in Ihrer Stimme und Ihrem Raum gehört. Nach ein paar Versuchen noch ohne Haken: Sagen Sie das andere Wort dafür oder stellen Sie das Mikrofon näher. In einer Einheit löst die Taste H immer „Das tut weh“ aus.</translation>
    </message>
    <message>
        <source>Heard you, but no command: say the command on its own, or its other word.</source>
        <translation>Gehört, aber kein Befehl: Sagen Sie den Befehl für sich allein oder sein anderes Wort.</translation>
    </message>
    <message>
        <source>%1: heard</source>
        <translation>%1: gehört</translation>
    </message>
    <message>
        <source>%1: not heard yet</source>
        <translation>%1: noch nicht gehört</translation>
    </message>
    <message>
        <source>Test your microphone</source>
        <translation>Mikrofon testen</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonpegel</translation>
    </message>
    <message>
        <source>Last command: none yet</source>
        <translation>Letzter Befehl: noch keiner</translation>
    </message>
    <message>
        <source>Last command heard</source>
        <translation>Zuletzt gehörter Befehl</translation>
    </message>
    <message>
        <source>Loading the speech engine…</source>
        <translation>Spracherkennung wird geladen …</translation>
    </message>
    <message>
        <source>Listening: say a command.</source>
        <translation>Hört zu: Sagen Sie einen Befehl.</translation>
    </message>
    <message>
        <source>The microphone gives no sound at all: is it muted, or switched off?</source>
        <translation>Das Mikrofon gibt gar keinen Ton: Ist es stummgeschaltet oder ausgeschaltet?</translation>
    </message>
    <message>
        <source>Last command: “%1” (%2)</source>
        <translation>Letzter Befehl: „%1“ (%2)</translation>
    </message>
</context>
<context>
    <name>NavOverflow</name>
    <message>
        <source>More ▾</source>
        <translation>Mehr ▾</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>The actions that do not fit on this bar</source>
        <translation>Die Aktionen, die nicht in diese Leiste passen</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Click: %1</source>
        <translation>Klicken: %1</translation>
    </message>
</context>
<context>
    <name>OffersDialog</name>
    <message>
        <source>Change my plan</source>
        <translation>Meinen Plan ändern</translation>
    </message>
    <message>
        <source>Keep my plan as it is</source>
        <translation>Meinen Plan so lassen</translation>
    </message>
</context>
<context>
    <name>PainChart</name>
    <message>
        <source>Pain chart</source>
        <translation>Schmerzdiagramm</translation>
    </message>
    <message>
        <source>Pain (0-10)</source>
        <translation>Schmerz (0–10)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Rückenschmerzen</translation>
    </message>
    <message>
        <source>Leg pain</source>
        <translation>Beinschmerzen</translation>
    </message>
    <message>
        <source>Back, 7-day average</source>
        <translation>Rücken, 7-Tage-Mittel</translation>
    </message>
    <message>
        <source>Leg, 7-day average</source>
        <translation>Bein, 7-Tage-Mittel</translation>
    </message>
    <message>
        <source>Session: before → after</source>
        <translation>Einheit: vor → nach</translation>
    </message>
    <message>
        <source>%1: back %2, leg %3 (day&apos;s average)</source>
        <translation>%1: Rücken %2, Bein %3 (Tagesmittel)</translation>
    </message>
</context>
<context>
    <name>PainScale</name>
    <message>
        <source>%1: %2 out of 10</source>
        <translation>%1: %2 von 10</translation>
    </message>
    <message>
        <source>0 = no pain</source>
        <translation>0 = kein Schmerz</translation>
    </message>
    <message>
        <source>10 = worst pain imaginable</source>
        <translation>10 = stärkster vorstellbarer Schmerz</translation>
    </message>
    <message>
        <source>(before the session: %1)</source>
        <translation>(vor der Einheit: %1)</translation>
    </message>
</context>
<context>
    <name>PendingWrites</name>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet: the disk is full. Nothing is lost: they are kept and StretchGuide tries again every few seconds. Please free some disk space.</source>
        <translation>
            <numerusform>%n Eintrag konnte noch nicht gespeichert werden: Die Festplatte ist voll. Nichts geht verloren: Er wird aufbewahrt, und StretchGuide versucht es alle paar Sekunden erneut. Bitte geben Sie Speicherplatz frei.</numerusform>
            <numerusform>%n Einträge konnten noch nicht gespeichert werden: Die Festplatte ist voll. Nichts geht verloren: Sie werden aufbewahrt, und StretchGuide versucht es alle paar Sekunden erneut. Bitte geben Sie Speicherplatz frei.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet: another program is using your history. Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation>
            <numerusform>%n Eintrag konnte noch nicht gespeichert werden: Ein anderes Programm nutzt Ihren Verlauf. Nichts geht verloren: Er wird aufbewahrt, und StretchGuide versucht es alle paar Sekunden erneut.</numerusform>
            <numerusform>%n Einträge konnten noch nicht gespeichert werden: Ein anderes Programm nutzt Ihren Verlauf. Nichts geht verloren: Sie werden aufbewahrt, und StretchGuide versucht es alle paar Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet (the disk may be full, or another program is using your history). Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation>
            <numerusform>%n Eintrag konnte noch nicht gespeichert werden (vielleicht ist die Festplatte voll oder ein anderes Programm nutzt Ihren Verlauf). Nichts geht verloren: Er wird aufbewahrt, und StretchGuide versucht es alle paar Sekunden erneut.</numerusform>
            <numerusform>%n Einträge konnten noch nicht gespeichert werden (vielleicht ist die Festplatte voll oder ein anderes Programm nutzt Ihren Verlauf). Nichts geht verloren: Sie werden aufbewahrt, und StretchGuide versucht es alle paar Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is saved now.</source>
        <translation>Jetzt ist alles gespeichert.</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Choose a routine in the list first.</source>
        <translation>Wählen Sie zuerst ein Programm in der Liste.</translation>
    </message>
    <message>
        <source>Save the routine as PDF</source>
        <translation>Programm als PDF speichern</translation>
    </message>
    <message>
        <source>The PDF could not be saved</source>
        <translation>Das PDF konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Open the PDF to print it?</source>
        <translation>PDF zum Drucken öffnen?</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation>Plan exportieren</translation>
    </message>
    <message>
        <source>Stretches: %1</source>
        <translation>Dehnübungen: %1</translation>
    </message>
    <message>
        <source>The calendar could not be saved</source>
        <translation>Der Kalender konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Your settings cannot be saved: StretchGuide is not allowed to write to %1. Changes you make now apply until you close StretchGuide, but are not kept.</source>
        <translation>Ihre Einstellungen können nicht gespeichert werden: StretchGuide darf nicht in %1 schreiben. Was Sie jetzt ändern, gilt, bis Sie StretchGuide schließen, wird aber nicht behalten.</translation>
    </message>
    <message>
        <source>Your settings file was not a plain file (perhaps a folder or a pipe). It was moved aside as %1; your settings start again from their defaults.</source>
        <translation>Ihre Einstellungsdatei war keine gewöhnliche Datei (vielleicht ein Ordner oder eine Pipe). Sie wurde als %1 beiseitegelegt; Ihre Einstellungen beginnen wieder bei den Standardwerten.</translation>
    </message>
    <message>
        <source>Your settings file had a value StretchGuide cannot read. The file was kept as %1; your other settings are kept.</source>
        <translation>Ihre Einstellungsdatei enthielt einen Wert, den StretchGuide nicht lesen kann. Die Datei wurde als %1 aufbewahrt; Ihre übrigen Einstellungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Another program changed your settings file, and StretchGuide cannot read it now. That file was kept as %1; your settings are as they were before.</source>
        <translation>Ein anderes Programm hat Ihre Einstellungsdatei geändert, und StretchGuide kann sie jetzt nicht lesen. Diese Datei wurde als %1 aufbewahrt; Ihre Einstellungen sind wie vorher.</translation>
    </message>
    <message>
        <source>Your settings file could not be read. It was kept as %1; settings that could not be read from it are back to their defaults.</source>
        <translation>Ihre Einstellungsdatei konnte nicht gelesen werden. Sie wurde als %1 aufbewahrt; Einstellungen, die darin nicht lesbar waren, stehen wieder auf ihren Standardwerten.</translation>
    </message>
    <message>
        <source>What is wrong with it: %1.</source>
        <translation>Das Problem: %1.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Verzeichnis</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Suchen in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Dateien des &amp;Typs:</translation>
    </message>
</context>
<context>
    <name>ReadFirst</name>
    <message>
        <source>Please read the advice first: this works in a moment.</source>
        <translation>Bitte lesen Sie zuerst den Hinweis: Diese Schaltfläche geht gleich wieder.</translation>
    </message>
</context>
<context>
    <name>RoutineDetails</name>
    <message>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>You need</source>
        <translation>Sie brauchen</translation>
    </message>
    <message>
        <source>unknown exercise</source>
        <translation>unbekannte Übung</translation>
    </message>
    <message>
        <source>Routine details</source>
        <translation>Programmdetails</translation>
    </message>
    <message>
        <source>Pick a routine on the left to see its exercises.</source>
        <translation>Wählen Sie links ein Programm, um seine Übungen zu sehen.</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Clear filters and show every routine</source>
        <translation>Filter zurücksetzen und alle Programme zeigen</translation>
    </message>
    <message>
        <source>&amp;New routine</source>
        <translation>&amp;Neues Programm</translation>
    </message>
    <message>
        <source>Create a new routine</source>
        <translation>Ein neues Programm anlegen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Edit or copy this routine</source>
        <translation>Dieses Programm bearbeiten oder kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete this routine of yours</source>
        <translation>Dieses eigene Programm löschen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start this routine</source>
        <translation>Dieses Programm starten</translation>
    </message>
    <message>
        <source>&amp;Copy and edit</source>
        <translation>&amp;Kopieren und bearbeiten</translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation>Kein Programm passt</translation>
    </message>
    <message>
        <source>No routine fits all the filters you chose.</source>
        <translation>Kein Programm passt zu allen gewählten Filtern.</translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message>
        <source>Edit routine</source>
        <translation>Programm bearbeiten</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Neues Programm</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Name des Programms</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Einheiten pro Woche</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>How &amp;often</source>
        <translation>&amp;Wie oft</translation>
    </message>
    <message>
        <source>Sessions a &amp;week</source>
        <translation>Einheiten pro &amp;Woche</translation>
    </message>
    <message>
        <source>Exercises in this routine</source>
        <translation>Übungen in diesem Programm</translation>
    </message>
    <message>
        <source>Exercise to add</source>
        <translation>Hinzuzufügende Übung</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Dose of the selected exercise</source>
        <translation>Dosis der gewählten Übung</translation>
    </message>
    <message>
        <source>Hold in seconds</source>
        <translation>Halten in Sekunden</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Seconds per repetition</source>
        <translation>Sekunden pro Wiederholung</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Both legs together</source>
        <translation>Beide Beine zusammen</translation>
    </message>
    <message>
        <source>Each side in turn</source>
        <translation>Jede Seite nacheinander</translation>
    </message>
    <message>
        <source>Alternate sides</source>
        <translation>Seiten abwechseln</translation>
    </message>
    <message>
        <source>Painful side only</source>
        <translation>Nur die schmerzende Seite</translation>
    </message>
    <message>
        <source>Rest between sets in seconds</source>
        <translation>Pause zwischen Sätzen in Sekunden</translation>
    </message>
    <message>
        <source>&amp;Hold, seconds</source>
        <translation>&amp;Halten, Sekunden</translation>
    </message>
    <message>
        <source>Re&amp;petitions</source>
        <translation>Wieder&amp;holungen</translation>
    </message>
    <message>
        <source>Seconds per re&amp;p</source>
        <translation>Sekunden pro Wieder&amp;holung</translation>
    </message>
    <message>
        <source>S&amp;ets</source>
        <translation>S&amp;ätze</translation>
    </message>
    <message>
        <source>Si&amp;des</source>
        <translation>Sei&amp;ten</translation>
    </message>
    <message>
        <source>Res&amp;t between sets, seconds</source>
        <translation>&amp;Pause zwischen Sätzen, Sekunden</translation>
    </message>
    <message>
        <source>Problem with this routine</source>
        <translation>Problem mit diesem Programm</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation>Einmal am Tag</translation>
    </message>
    <message>
        <source>My %1</source>
        <translation>Mein %1</translation>
    </message>
    <message>
        <source>Expected %1</source>
        <translation>Erwartet: %1</translation>
    </message>
    <message>
        <source>, got %1</source>
        <translation>, erhalten: %1</translation>
    </message>
    <message>
        <source>Please give the routine a name.</source>
        <translation>Bitte geben Sie dem Programm einen Namen.</translation>
    </message>
    <message>
        <source>The name holds characters that do not show (such as a direction mark or a zero-width space). Please type it without them.</source>
        <translation>Der Name enthält Zeichen, die nicht zu sehen sind (etwa eine Schreibrichtungsmarke oder ein Leerzeichen ohne Breite). Bitte geben Sie ihn ohne diese Zeichen ein.</translation>
    </message>
    <message>
        <source>Exercise %1, %2: </source>
        <translation>Übung %1, %2: </translation>
    </message>
    <message>
        <source>Add at least one exercise.</source>
        <translation>Fügen Sie mindestens eine Übung hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>A routine holds at most %n exercises. Please remove some.</source>
        <translation>
            <numerusform>Ein Programm umfasst höchstens %n Übung. Bitte entfernen Sie einige.</numerusform>
            <numerusform>Ein Programm umfasst höchstens %n Übungen. Bitte entfernen Sie einige.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Your changes to this routine are not saved. Close without saving them?</source>
        <translation>Ihre Änderungen an diesem Programm sind nicht gespeichert. Ohne Speichern schließen?</translation>
    </message>
    <message>
        <source>Not saved: %1 is a link that leads to no file. Nothing was written; fix or remove the link and save again.</source>
        <translation>Nicht gespeichert: %1 ist eine Verknüpfung, die zu keiner Datei führt. Es wurde nichts geschrieben; reparieren oder entfernen Sie die Verknüpfung und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>Not saved: %1 is a link to %2, which is not a file of yours. StretchGuide writes through a link only into a file you own; nothing was written.</source>
        <translation>Nicht gespeichert: %1 ist eine Verknüpfung zu %2, und das ist keine Datei von Ihnen. StretchGuide schreibt über eine Verknüpfung nur in eine Datei, die Ihnen gehört; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Not saved: %1 could not be written (%2).</source>
        <translation>Nicht gespeichert: %1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>There is already a routine called “%1”. Please pick another name.</source>
        <translation>Es gibt schon ein Programm namens „%1“. Bitte wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>RoutineListModel</name>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n Übung</numerusform>
            <numerusform>%n Übungen</numerusform>
        </translation>
    </message>
    <message>
        <source>no floor work</source>
        <translation>keine Bodenübungen</translation>
    </message>
    <message>
        <source>my routine</source>
        <translation>mein Programm</translation>
    </message>
    <message>
        <source>start here: beginners and flare-ups</source>
        <translation>Hier beginnen: für Einsteiger und Schübe</translation>
    </message>
</context>
<context>
    <name>RoutinesPage</name>
    <message>
        <source>1 routine file could not be loaded: </source>
        <translation>1 Programmdatei konnte nicht geladen werden: </translation>
    </message>
    <message>
        <source>%1 routine files could not be loaded: </source>
        <translation>%1 Programmdateien konnten nicht geladen werden: </translation>
    </message>
    <message>
        <source>Filter by cause</source>
        <translation>Nach Ursache filtern</translation>
    </message>
    <message>
        <source>Any cause</source>
        <translation>Jede Ursache</translation>
    </message>
    <message>
        <source>Filter by position</source>
        <translation>Nach Position filtern</translation>
    </message>
    <message>
        <source>Any position</source>
        <translation>Jede Position</translation>
    </message>
    <message>
        <source>No &amp;floor work</source>
        <translation>Ohne &amp;Bodenübungen</translation>
    </message>
    <message>
        <source>Only routines without floor work</source>
        <translation>Nur Programme ohne Übungen am Boden</translation>
    </message>
    <message>
        <source>Equipment I have ▾</source>
        <translation>Meine Hilfsmittel ▾</translation>
    </message>
    <message>
        <source>Choose the equipment you have</source>
        <translation>Wählen Sie die Hilfsmittel, die Sie haben</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Loading routines…</source>
        <translation>Programme werden geladen …</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Ursache:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Delete this routine?</source>
        <translation>Dieses Programm löschen?</translation>
    </message>
    <message>
        <source>Delete “%1”? Its file is removed; your history keeps past sessions.</source>
        <translation>„%1“ löschen? Die Datei wird entfernt; Ihr Verlauf behält die bisherigen Einheiten.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Nicht gelöscht</translation>
    </message>
    <message>
        <source>“%1” was changed by another program while StretchGuide was open, so it was not deleted. The list now shows the new version from %2.</source>
        <translation>„%1“ wurde von einem anderen Programm geändert, während StretchGuide offen war, und deshalb nicht gelöscht. Die Liste zeigt jetzt die neue Fassung aus %2.</translation>
    </message>
    <message>
        <source>%1 could not be removed (%2).</source>
        <translation>%1 konnte nicht entfernt werden (%2).</translation>
    </message>
    <message>
        <source>Could not delete the routine</source>
        <translation>Das Programm konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation>Kein Programm passt</translation>
    </message>
    <message>
        <source>Saved as a new routine</source>
        <translation>Als neues Programm gespeichert</translation>
    </message>
    <message>
        <source>The file of “%1” was changed by another program while StretchGuide was open. It was left as it is, and your changes were saved as a routine of their own: both are in the list.</source>
        <translation>Die Datei von „%1“ wurde von einem anderen Programm geändert, während StretchGuide offen war. Sie bleibt, wie sie ist, und Ihre Änderungen wurden als eigenes Programm gespeichert: Beide stehen in der Liste.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>SafetyGate</name>
    <message>
        <source>StretchGuide offers general guidance on stretches that many people with sciatica find helpful. It is not medical advice and it cannot examine you. If you are unsure whether these exercises suit you, ask a doctor or physiotherapist first. Stop any exercise that causes sharp or increasing pain.</source>
        <translation>StretchGuide gibt allgemeine Hinweise zu Dehnübungen, die vielen Menschen mit Ischiasbeschwerden guttun. Es ist kein ärztlicher Rat und kann Sie nicht untersuchen. Wenn Sie unsicher sind, ob diese Übungen für Sie passen, fragen Sie zuerst einen Arzt oder Physiotherapeuten. Hören Sie mit jeder Übung auf, die stechenden oder zunehmenden Schmerz auslöst.</translation>
    </message>
    <message>
        <source>Before you begin</source>
        <translation>Bevor Sie beginnen</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>Haftungshinweis</translation>
    </message>
    <message>
        <source>Which leg hurts?</source>
        <translation>Welches Bein schmerzt?</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>Beide Beine</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Nicht sicher</translation>
    </message>
    <message>
        <source>Painful leg: </source>
        <translation>Schmerzendes Bein: </translation>
    </message>
    <message>
        <source>Which leg hurts</source>
        <translation>Welches Bein schmerzt</translation>
    </message>
    <message>
        <source>You can leave this for now: StretchGuide asks before a session that needs it.</source>
        <translation>Sie können das jetzt offenlassen: StretchGuide fragt vor einer Einheit, die es braucht.</translation>
    </message>
    <message>
        <source>I &amp;understand</source>
        <translation>Ich &amp;verstehe</translation>
    </message>
    <message>
        <source>I understand the disclaimer</source>
        <translation>Ich habe den Hinweis verstanden</translation>
    </message>
    <message>
        <source>A few safety questions</source>
        <translation>Ein paar Sicherheitsfragen</translation>
    </message>
    <message>
        <source>Some signs mean exercises are not the right thing today. Please answer each question.</source>
        <translation>Manche Anzeichen bedeuten, dass Übungen heute nicht das Richtige sind. Bitte beantworten Sie jede Frage.</translation>
    </message>
    <message>
        <source>You said both legs hurt. If it is sciatica in both (pain, tingling or numbness down each leg), answer Yes to the first question.</source>
        <translation>Sie haben gesagt, dass beide Beine schmerzen. Ist es ein Ischias in beiden (Schmerz, Kribbeln oder Taubheit in jedem Bein), antworten Sie bei der ersten Frage mit Ja.</translation>
    </message>
    <message>
        <source>Asked now because of your check-in: new numbness or weakness, or pain in both legs, can come with the signs below. Please read each one.</source>
        <translation>Jetzt gefragt wegen Ihres Check-ins: Neue Taubheit oder Schwäche oder Schmerzen in beiden Beinen können mit den Zeichen unten einhergehen. Bitte lesen Sie jede Frage.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>&amp;None of these</source>
        <translation>&amp;Nichts davon</translation>
    </message>
    <message>
        <source>Answer no to every question</source>
        <translation>Jede Frage mit Nein beantworten</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Check my answers</source>
        <translation>Meine Antworten prüfen</translation>
    </message>
    <message>
        <source>Safety result</source>
        <translation>Ergebnis der Sicherheitsfragen</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>Ich verstehe</translation>
    </message>
    <message>
        <source>Continue with the &amp;exercises</source>
        <translation>Mit den &amp;Übungen weitermachen</translation>
    </message>
    <message>
        <source>Continue with the exercises</source>
        <translation>Mit den Übungen weitermachen</translation>
    </message>
    <message>
        <source>Please answer every question.</source>
        <translation>Bitte beantworten Sie jede Frage.</translation>
    </message>
    <message>
        <source>Seek urgent medical help</source>
        <translation>Holen Sie sofort ärztliche Hilfe</translation>
    </message>
    <message>
        <source>Please see a doctor soon</source>
        <translation>Bitte gehen Sie bald zum Arzt</translation>
    </message>
    <message>
        <source>You answered yes to:</source>
        <translation>Sie haben mit Ja beantwortet:</translation>
    </message>
    <message>
        <source>&amp;Stop for today</source>
        <translation>Für heute &amp;aufhören</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>That is not a plain file (perhaps a device). Choose another name.</source>
        <translation>Das ist keine gewöhnliche Datei (vielleicht ein Gerät). Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again; nothing was replaced.</source>
        <translation>Der Datenträger ist voll. Schaffen Sie etwas Platz und versuchen Sie es noch einmal; es wurde nichts ersetzt.</translation>
    </message>
    <message>
        <source>You may not write there. Choose another folder.</source>
        <translation>Dort dürfen Sie nicht schreiben. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>That is a folder. Give a file name.</source>
        <translation>Das ist ein Ordner. Geben Sie einen Dateinamen an.</translation>
    </message>
    <message>
        <source>The name is too long for this disk. Choose a shorter one.</source>
        <translation>Der Name ist für diesen Datenträger zu lang. Wählen Sie einen kürzeren.</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>Diesen Ordner gibt es nicht.</translation>
    </message>
    <message>
        <source>Part of that path is a file, not a folder.</source>
        <translation>Ein Teil dieses Pfades ist eine Datei, kein Ordner.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>A guided stretching session is running</source>
        <translation>Eine geführte Dehneinheit läuft</translation>
    </message>
    <message>
        <source>Paused: the computer&apos;s clock changed, so the session is paused where you were. Press Space when you are ready.</source>
        <translation>Pausiert: Die Uhr des Computers hat sich geändert, daher ist die Einheit an dieser Stelle pausiert. Drücken Sie die Leertaste, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <source>Paused: the computer was asleep or busy for %1. Press Space when you are ready.</source>
        <translation>Pausiert: Der Computer war %1 im Ruhezustand oder beschäftigt. Drücken Sie die Leertaste, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <source>Paused. Press Space or Resume to carry on.</source>
        <translation>Pausiert. Drücken Sie die Leertaste oder „Fortsetzen“, um weiterzumachen.</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Ton aus</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Ton an</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <source>StretchGuide cannot open your history</source>
        <translation>StretchGuide kann Ihren Verlauf nicht öffnen</translation>
    </message>
    <message>
        <source>Your history could not be read</source>
        <translation>Ihr Verlauf konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Restore the newest backup now?</source>
        <translation>Jetzt die neueste Sicherung wiederherstellen?</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Wiederherstellen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unfinished session</source>
        <translation>Nicht beendete Einheit</translation>
    </message>
    <message>
        <source>A session did not finish last time (perhaps the computer stopped). Keep what was done as a partial session?</source>
        <translation>Eine Einheit wurde letztes Mal nicht beendet (vielleicht ging der Computer aus). Das Gemachte als Teil-Einheit behalten?</translation>
    </message>
    <message>
        <source>%1 sessions did not finish last time (perhaps the computer stopped). Keep what was done as partial sessions?</source>
        <translation>%1 Einheiten wurden letztes Mal nicht beendet (vielleicht ging der Computer aus). Das Gemachte als Teil-Einheiten behalten?</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Guten Morgen</translation>
    </message>
    <message>
        <source>How are you after yesterday&apos;s session? A quick check-in helps tell whether the exercises suit you.</source>
        <translation>Wie geht es Ihnen nach der gestrigen Einheit? Ein kurzer Check-in zeigt, ob die Übungen zu Ihnen passen.</translation>
    </message>
    <message>
        <source>Seen by a doctor?</source>
        <translation>Ärztlich untersucht?</translation>
    </message>
    <message>
        <source>Please get medical help first</source>
        <translation>Bitte holen Sie zuerst ärztliche Hilfe</translation>
    </message>
    <message>
        <source>No session was started. Please get medical help first.</source>
        <translation>Es wurde keine Einheit gestartet. Bitte holen Sie zuerst ärztliche Hilfe.</translation>
    </message>
    <message>
        <source>Saved. Thank you.</source>
        <translation>Gespeichert. Danke.</translation>
    </message>
    <message>
        <source>Please keep StretchGuide open until it says everything is saved: what is not saved is lost when it closes.</source>
        <translation>Bitte lassen Sie StretchGuide geöffnet, bis es meldet, dass alles gespeichert ist: Was nicht gespeichert ist, geht beim Schließen verloren.</translation>
    </message>
    <message>
        <source>Pain in both legs can be a sign that needs urgent medical help. Please answer the safety questions now.</source>
        <translation>Schmerzen in beiden Beinen können ein Zeichen sein, das dringend ärztliche Hilfe braucht. Bitte beantworten Sie jetzt die Sicherheitsfragen.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on your left leg.</source>
        <translation>Ab jetzt werden die Übungen für das schmerzende Bein mit Ihrem linken Bein gemacht.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on your right leg.</source>
        <translation>Ab jetzt werden die Übungen für das schmerzende Bein mit Ihrem rechten Bein gemacht.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on both legs.</source>
        <translation>Ab jetzt werden die Übungen für das schmerzende Bein mit beiden Beinen gemacht.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this session could not be saved yet. They are kept while StretchGuide is open and saved as soon as the disk has room or your history is free. Try again now?</source>
        <translation>
            <numerusform>%n Eintrag dieser Einheit konnte noch nicht gespeichert werden. Er wird aufbewahrt, solange StretchGuide offen ist, und gespeichert, sobald die Festplatte Platz hat oder Ihr Verlauf frei ist. Jetzt erneut versuchen?</numerusform>
            <numerusform>%n Einträge dieser Einheit konnten noch nicht gespeichert werden. Sie werden aufbewahrt, solange StretchGuide offen ist, und gespeichert, sobald die Festplatte Platz hat oder Ihr Verlauf frei ist. Jetzt erneut versuchen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Still not possible. StretchGuide keeps the records and tries again every few seconds while it is open; please free some disk space or close other programs that use your history.</source>
        <translation>Immer noch nicht möglich. StretchGuide behält die Einträge und versucht es alle paar Sekunden erneut, solange es offen ist; bitte schaffen Sie etwas Platz auf der Festplatte oder schließen Sie andere Programme, die Ihren Verlauf nutzen.</translation>
    </message>
    <message>
        <source>Check-in not saved</source>
        <translation>Check-in nicht gespeichert</translation>
    </message>
    <message>
        <source>Your check-in answers are not saved. Close anyway?</source>
        <translation>Ihre Antworten im Check-in sind nicht gespeichert. Trotzdem schließen?</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet. If StretchGuide closes now, they are lost. Close anyway?</source>
        <translation>
            <numerusform>%n Eintrag konnte noch nicht gespeichert werden. Wenn StretchGuide jetzt geschlossen wird, geht er verloren. Trotzdem schließen?</numerusform>
            <numerusform>%n Einträge konnten noch nicht gespeichert werden. Wenn StretchGuide jetzt geschlossen wird, gehen sie verloren. Trotzdem schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source>The session is paused. The holds are already shorter: if it still hurts, skip this exercise or end the session.</source>
        <translation>Die Einheit ist pausiert. Die Haltezeiten sind schon kürzer: Wenn es weiter wehtut, überspringen Sie diese Übung oder beenden Sie die Einheit.</translation>
    </message>
    <message>
        <source>The session is paused. This exercise has hurt before in this session: skip it, or end the session.</source>
        <translation>Die Einheit ist pausiert. Diese Übung hat in dieser Einheit schon einmal wehgetan: Überspringen Sie sie oder beenden Sie die Einheit.</translation>
    </message>
    <message>
        <source>Eased off: holds are shorter from here on.</source>
        <translation>Nachgelassen: ab jetzt wird kürzer gehalten.</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Session</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Next up</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Session progress</source>
        <translation>Fortschritt der Einheit</translation>
    </message>
    <message>
        <source>Time left in the session</source>
        <translation>Restzeit der Einheit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Das tut weh</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>Vollbild an oder aus</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Or say “yes” or “no”.</source>
        <translation>Oder sagen Sie auf Englisch „yes“ oder „no“.</translation>
    </message>
    <message>
        <source>Stop the session?</source>
        <translation>Einheit beenden?</translation>
    </message>
    <message>
        <source>The session is paused. What you have done so far is kept.</source>
        <translation>Die Einheit ist pausiert. Was Sie bisher gemacht haben, bleibt gespeichert.</translation>
    </message>
    <message>
        <source>Yes, end the session</source>
        <translation>Ja, Einheit beenden</translation>
    </message>
    <message>
        <source>No, carry on</source>
        <translation>Nein, weitermachen</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereit machen</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Bewegen</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Seite wechseln</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Ausruhen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
    <message>
        <source>Relax and breathe.</source>
        <translation>Entspannen und atmen.</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Ton aus</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSIERT</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>Pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>Repeat this step</source>
        <translation>Diesen Schritt wiederholen</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Mute or unmute</source>
        <translation>Ton aus oder an</translation>
    </message>
    <message>
        <source>Stop the session</source>
        <translation>Einheit beenden</translation>
    </message>
    <message>
        <source>breath %1 of %2</source>
        <translation>Atemzug %1 von %2</translation>
    </message>
    <message>
        <source>set %1 of %2</source>
        <translation>Satz %1 von %2</translation>
    </message>
    <message>
        <source>Rest first, then this one</source>
        <translation>Erst ausruhen, dann diese Übung</translation>
    </message>
    <message>
        <source>Last exercise</source>
        <translation>Letzte Übung</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ton an</translation>
    </message>
    <message>
        <source>SOUND OFF</source>
        <translation>TON AUS</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Spoken guidance</source>
        <translation>Gesprochene Anleitung</translation>
    </message>
    <message>
        <source>Cue sounds</source>
        <translation>Signaltöne</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Full screen during a session</source>
        <translation>Vollbild während einer Einheit</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>StretchGuide speaks the new language after a restart.</source>
        <translation>StretchGuide spricht die neue Sprache nach einem Neustart.</translation>
    </message>
    <message>
        <source>Not said yet (ask before a session)</source>
        <translation>Noch nicht angegeben (vor einer Einheit fragen)</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Linkes Bein</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Rechtes Bein</translation>
    </message>
    <message>
        <source>Both legs (both legs are exercised)</source>
        <translation>Beide Beine (beide Beine werden geübt)</translation>
    </message>
    <message>
        <source>Not sure (both legs are exercised)</source>
        <translation>Nicht sicher (beide Beine werden geübt)</translation>
    </message>
    <message>
        <source>Both sides equally</source>
        <translation>Beide Seiten gleich</translation>
    </message>
    <message>
        <source>Painful side only</source>
        <translation>Nur die schmerzende Seite</translation>
    </message>
    <message>
        <source>Painful side first</source>
        <translation>Schmerzende Seite zuerst</translation>
    </message>
    <message>
        <source>An extra set on the painful side</source>
        <translation>Ein Extrasatz auf der schmerzenden Seite</translation>
    </message>
    <message>
        <source>Remind me on planned days at</source>
        <translation>An geplanten Tagen erinnern um</translation>
    </message>
    <message>
        <source>StretchGuide then starts at login, in the tray, so reminders come with the window closed. Turning this off removes it from login again.</source>
        <translation>StretchGuide startet dann beim Anmelden im Infobereich, damit Erinnerungen auch bei geschlossenem Fenster kommen. Ausschalten entfernt es wieder aus dem Anmeldestart.</translation>
    </message>
    <message>
        <source> / 10</source>
        <translation> / 10</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Get-ready time in seconds</source>
        <translation>Vorbereitungszeit in Sekunden</translation>
    </message>
    <message>
        <source>First get-ready of a session in seconds</source>
        <translation>Erste Vorbereitung einer Einheit in Sekunden</translation>
    </message>
    <message>
        <source>Theme: light, dark or as the system</source>
        <translation>Design: hell, dunkel oder wie das System</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Rest between exercises in seconds</source>
        <translation>Pause zwischen Übungen in Sekunden</translation>
    </message>
    <message>
        <source>Time to switch sides in seconds</source>
        <translation>Zeit zum Seitenwechsel in Sekunden</translation>
    </message>
    <message>
        <source>Painful side</source>
        <translation>Schmerzende Seite</translation>
    </message>
    <message>
        <source>Which sides to exercise</source>
        <translation>Welche Seiten geübt werden</translation>
    </message>
    <message>
        <source>Daily reminder</source>
        <translation>Tägliche Erinnerung</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Uhrzeit der Erinnerung</translation>
    </message>
    <message>
        <source>Morning check-in reminder time</source>
        <translation>Uhrzeit der Erinnerung an den Morgen-Check-in</translation>
    </message>
    <message>
        <source>Ask the safety questions every</source>
        <translation>Sicherheitsfragen stellen alle</translation>
    </message>
    <message>
        <source>Pain after a session that is fine, up to</source>
        <translation>Schmerz nach einer Einheit, der in Ordnung ist, bis</translation>
    </message>
    <message>
        <source>Pain that is acceptable, up to; above it, ease off</source>
        <translation>Schmerz, der akzeptabel ist, bis; darüber nachlassen</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Lautstärke</translation>
    </message>
    <message>
        <source>&amp;Get ready before each exercise</source>
        <translation>&amp;Vorbereitung vor jeder Übung</translation>
    </message>
    <message>
        <source>F&amp;irst, to get down onto the mat</source>
        <translation>E&amp;rste, um auf die Matte zu kommen</translation>
    </message>
    <message>
        <source>Which si&amp;des to work</source>
        <translation>Welche Sei&amp;ten üben</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Rest</source>
        <translation>&amp;Ausruhen</translation>
    </message>
    <message>
        <source>S&amp;witch sides</source>
        <translation>Seite &amp;wechseln</translation>
    </message>
    <message>
        <source>&amp;Painful side</source>
        <translation>Schmerzende &amp;Seite</translation>
    </message>
    <message>
        <source>&amp;Morning check-in at</source>
        <translation>&amp;Morgen-Check-in um</translation>
    </message>
    <message>
        <source>Safety &amp;questions every</source>
        <translation>Sicherheits&amp;fragen alle</translation>
    </message>
    <message>
        <source>Pain that is &amp;fine, up to</source>
        <translation>Schmerz in &amp;Ordnung bis</translation>
    </message>
    <message>
        <source>Pain that is &amp;acceptable, up to</source>
        <translation>Schmerz &amp;akzeptabel bis</translation>
    </message>
    <message>
        <source>The safety questions&apos; 7 days and the pain limits 3 and 5 are StretchGuide&apos;s starting numbers, not the articles&apos;. Your physiotherapist can set yours.</source>
        <translation>Die 7 Tage der Sicherheitsfragen und die Schmerzgrenzen 3 und 5 sind Startwerte von StretchGuide, nicht aus den Artikeln. Ihre Physiotherapie kann Ihre eigenen festlegen.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideBadge</name>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>LEFT LEG</source>
        <translation>LINKES BEIN</translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation>LINKS</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Linkes Bein</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Linke Seite</translation>
    </message>
    <message>
        <source>RIGHT LEG</source>
        <translation>RECHTES BEIN</translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation>RECHTS</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Rechtes Bein</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Rechte Seite</translation>
    </message>
</context>
<context>
    <name>StreakRow</name>
    <message>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Planned vs done, last 4 weeks: %1 of %2 planned days</source>
        <translation>Geplant und gemacht, letzte 4 Wochen: %1 von %2 geplanten Tagen</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>zusätzlich</translation>
    </message>
    <message>
        <source>none yet (a session counts once it runs to its end)</source>
        <translation>noch keine (eine Einheit zählt, wenn sie bis zum Ende läuft)</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; planned day kept so far</source>
        <translation>&lt;b&gt;1&lt;/b&gt; geplanter Tag bisher eingehalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; planned days kept in a row</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; geplante Tage in Folge eingehalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; day so far</source>
        <translation>&lt;b&gt;1&lt;/b&gt; Tag bisher</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; days in a row</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Tage in Folge</translation>
    </message>
    <message>
        <source>past the %2-day habit goal</source>
        <translation>über dem Gewohnheitsziel von %2 Tagen</translation>
    </message>
    <message>
        <source>the %2-day habit goal reached</source>
        <translation>Gewohnheitsziel von %2 Tagen erreicht</translation>
    </message>
    <message>
        <source>1 more planned day to reach the %2-day habit goal</source>
        <translation>noch 1 geplanter Tag bis zum Gewohnheitsziel von %2 Tagen</translation>
    </message>
    <message>
        <source>1 more day to reach the %2-day habit goal</source>
        <translation>noch 1 Tag bis zum Gewohnheitsziel von %2 Tagen</translation>
    </message>
    <message>
        <source>%3 more planned days to reach the %2-day habit goal</source>
        <translation>noch %3 geplante Tage bis zum Gewohnheitsziel von %2 Tagen</translation>
    </message>
    <message>
        <source>%3 more days to reach the %2-day habit goal</source>
        <translation>noch %3 Tage bis zum Gewohnheitsziel von %2 Tagen</translation>
    </message>
    <message>
        <source>Streak: </source>
        <translation>Serie: </translation>
    </message>
</context>
<context>
    <name>StreakStrip</name>
    <message>
        <source>Last 21 days</source>
        <translation>Letzte 21 Tage</translation>
    </message>
    <message>
        <source>%1 of the last 21 days had a session</source>
        <translation>An %1 der letzten 21 Tage gab es eine Einheit</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Two-week verdict</source>
        <translation>Bilanz nach zwei Wochen</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message numerus="yes">
        <source>You pressed “%1” %n time(s) during this session: %2.</source>
        <translation>
            <numerusform>Sie haben in dieser Einheit %n-mal „%1“ gedrückt: %2.</numerusform>
            <numerusform>Sie haben in dieser Einheit %n-mal „%1“ gedrückt: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whatever the numbers say, pain that sharpens or spreads during an exercise is a reason to go gentler with it next time (a shorter hold, less range) or leave it out, and to mention it to your clinician.</source>
        <translation>Egal, was die Zahlen sagen: Wenn der Schmerz bei einer Übung schärfer wird oder ausstrahlt, machen Sie sie beim nächsten Mal sanfter (kürzer halten, weniger weit) oder lassen Sie sie weg, und sprechen Sie mit Ihrer Ärztin, Ihrem Arzt oder Ihrer Physiotherapie darüber.</translation>
    </message>
</context>
<context>
    <name>VoiceListener</name>
    <message>
        <source>No microphone was found. Voice commands are off; the keys still work.</source>
        <translation>Kein Mikrofon gefunden. Sprachbefehle sind aus; die Tasten funktionieren weiter.</translation>
    </message>
    <message>
        <source>The microphone records in no sound format this app can read. Voice commands are off; the keys still work.</source>
        <translation>Das Mikrofon nimmt in keinem Tonformat auf, das diese App lesen kann. Sprachbefehle sind aus; die Tasten funktionieren weiter.</translation>
    </message>
    <message>
        <source>StretchGuide may not use the microphone. To use voice commands, allow it in the system&apos;s privacy settings (Microphone). The keys still work.</source>
        <translation>StretchGuide darf das Mikrofon nicht benutzen. Für Sprachbefehle erlauben Sie es in den Datenschutzeinstellungen des Systems (Mikrofon). Die Tasten funktionieren weiter.</translation>
    </message>
    <message>
        <source>The microphone could not be opened (it may be in use, or access was denied). Voice commands are off; the keys still work.</source>
        <translation>Das Mikrofon konnte nicht geöffnet werden (vielleicht wird es benutzt oder der Zugriff wurde verweigert). Sprachbefehle sind aus; die Tasten funktionieren weiter.</translation>
    </message>
    <message>
        <source>Listening with “%1”.</source>
        <translation>Jetzt hört das Mikrofon „%1“ zu.</translation>
    </message>
    <message>
        <source>The microphone stopped working. Voice commands are off; the keys still work.</source>
        <translation>Das Mikrofon funktioniert nicht mehr. Sprachbefehle sind aus; die Tasten funktionieren weiter.</translation>
    </message>
</context>
<context>
    <name>VoiceRouter</name>
    <message>
        <source>Say “go on” again to carry on.</source>
        <translation>Sagen Sie noch einmal „go on“, um weiterzumachen.</translation>
    </message>
    <message>
        <source>Already paused</source>
        <translation>Schon pausiert</translation>
    </message>
    <message>
        <source>Already running</source>
        <translation>Läuft schon</translation>
    </message>
    <message>
        <source>Already muted</source>
        <translation>Schon stumm</translation>
    </message>
    <message>
        <source>Sound already on</source>
        <translation>Ton ist schon an</translation>
    </message>
    <message>
        <source>Nothing to answer</source>
        <translation>Keine Frage offen</translation>
    </message>
    <message>
        <source>Say “this hurts” first</source>
        <translation>Sagen Sie zuerst auf Englisch „this hurts“</translation>
    </message>
    <message>
        <source>The session has ended</source>
        <translation>Die Einheit ist beendet</translation>
    </message>
</context>
<context>
    <name>VoiceSection</name>
    <message>
        <source>Say pause, go on, skip, back, ouch, stop, mute or unmute during a session. Listening happens on this computer only: the sound never leaves it and nothing is recorded to disk. The microphone is used only while a session runs or while you test it here.</source>
        <translation>Sagen Sie während einer Einheit auf Englisch: pause, go on, skip, back, ouch, stop, mute oder unmute. Das Zuhören geschieht nur auf diesem Computer: Der Ton verlässt ihn nie und nichts wird gespeichert. Das Mikrofon wird nur während einer Einheit oder beim Test hier benutzt.</translation>
    </message>
    <message>
        <source>Voice commands</source>
        <translation>Sprachbefehle</translation>
    </message>
    <message>
        <source>Listen for voice commands during a session</source>
        <translation>Während einer Einheit auf Sprachbefehle hören</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>&amp;Microphone</source>
        <translation>&amp;Mikrofon</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>%1 (not plugged in)</source>
        <translation>%1 (nicht angeschlossen)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>mat</source>
        <translation>Matte</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>Stuhl</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>Wand</translation>
    </message>
    <message>
        <source>strap</source>
        <translation>Gurt</translation>
    </message>
    <message>
        <source>band</source>
        <translation>Übungsband</translation>
    </message>
    <message>
        <source>small ball</source>
        <translation>kleiner Ball</translation>
    </message>
    <message>
        <source>exercise ball</source>
        <translation>Gymnastikball</translation>
    </message>
    <message>
        <source>sturdy support</source>
        <translation>stabile Stütze</translation>
    </message>
    <message>
        <source>helper</source>
        <translation>Hilfsperson</translation>
    </message>
    <message>
        <source>lying on back</source>
        <translation>Rückenlage</translation>
    </message>
    <message>
        <source>lying face down</source>
        <translation>Bauchlage</translation>
    </message>
    <message>
        <source>lying on side</source>
        <translation>Seitenlage</translation>
    </message>
    <message>
        <source>seated</source>
        <translation>im Sitzen</translation>
    </message>
    <message>
        <source>standing</source>
        <translation>im Stand</translation>
    </message>
    <message>
        <source>hands and knees</source>
        <translation>Vierfüßlerstand</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Foraminal stenosis</source>
        <translation>Foraminalstenose</translation>
    </message>
    <message>
        <source>Disc bulge</source>
        <translation>Bandscheibenvorwölbung</translation>
    </message>
    <message>
        <source>Piriformis syndrome</source>
        <translation>Piriformis-Syndrom</translation>
    </message>
    <message>
        <source>Irritated sciatic nerve</source>
        <translation>Gereizter Ischiasnerv</translation>
    </message>
</context>
<context>
    <name>microphones</name>
    <message>
        <source>This microphone records at %1 kHz, like a telephone (a Bluetooth headset does while its microphone is on), and about one command in three is missed. A built-in or USB microphone hears you better.</source>
        <translation>Dieses Mikrofon nimmt mit %1 kHz auf, wie ein Telefon (so macht es ein Bluetooth-Headset, solange sein Mikrofon an ist), und etwa jeder dritte Sprachbefehl wird überhört. Ein eingebautes oder ein USB-Mikrofon versteht Sie besser.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>StretchGuide report</source>
        <translation>StretchGuide-Bericht</translation>
    </message>
</context>
<context>
    <name>voice</name>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Wird fortgesetzt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Repeating</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Das tut weh</translation>
    </message>
    <message>
        <source>Easing off</source>
        <translation>Sanfter</translation>
    </message>
    <message>
        <source>Stop?</source>
        <translation>Stoppen?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Ton an</translation>
    </message>
</context>
</TS>
