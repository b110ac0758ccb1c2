<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AnimatedFigure</name>
    <message>
        <source>Exercise figure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>Before you start: how are you right now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the session: how are you now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good morning: how did you wake up?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How are you right now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buttock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the knee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symptoms reach: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far down the leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tingling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Numbness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weakness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tingling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weakness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other symptoms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both / not sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painful leg: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which leg hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises for the painful leg are done on this leg. Both / not sure: they are done on both legs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything you want to remember or tell your clinician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this is for: your answers stay on this computer. Before and after each session they show whether the exercises calm your symptoms or stir them up; over days they draw your pain trend and the 14-day verdict in History. Pain spreading further down the leg, or new numbness or weakness, is a sign to ease off and talk to a professional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the answers are used for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buttock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thigh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below the knee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>into the foot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tingling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weakness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the session: symptoms reached %1; %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tingling, numbness or weakness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please pick a number for back pain and for leg pain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please say which leg hurts (or both / not sure).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceOverlay</name>
    <message>
        <source>Press %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Companion</name>
    <message>
        <source>StretchGuide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start today&apos;s routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open StretchGuide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start today&apos;s routine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go gentler with this one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for a little more?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change it in your plan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is planned for today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a routine and take a few minutes for your back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for your stretches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for your stretches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How is your back after yesterday&apos;s session? A quick check-in helps.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountdownDial</name>
    <message>
        <source>Countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CuePlayer</name>
    <message>
        <source>No sound output found: cues are shown on screen only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some cue sounds are missing; the voice carries on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech engine stopped working: using recorded voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech engine stopped working: beeps only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigurePlaceholder</name>
    <message>
        <source>Exercise picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidancePage</name>
    <message>
        <source>Activities to limit for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ice and heat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How hard to push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When to see a professional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpsHurtsModel</name>
    <message>
        <source>⚠ hurt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tends to hurt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tends to help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clear lean for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You said better %1, the same %2, worse %3 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“This hurts” pressed %1 times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next check-in better %1, the same %2, worse %3 times</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Two-week verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value under the pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart (&amp;PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data (C&amp;SV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report for my &amp;clinician (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain (0-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing here yet&lt;/h2&gt;&lt;p&gt;After your first check-in or session, your back and leg pain will show here, day by day, with a 7-day average so you can see the trend.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises that tend to help or hurt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ hurt: your worse answers and “this hurts” presses outnumber your better answers — consider easing off it or leaving it out, and mention it to your clinician. The next check-in counts are shared by every exercise in the routine: they show what came after, not what caused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned vs done, last 4 weeks: %1 of %2 planned days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; planned day kept so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; planned days kept in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; day so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; days in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>past the %2-day habit goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %2-day habit goal reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 more planned day to reach the %2-day habit goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 more day to reach the %2-day habit goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%3 more planned days to reach the %2-day habit goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%3 more days to reach the %2-day habit goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streak: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back, 7-day average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leg, 7-day average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: back %2, leg %3 (day&apos;s average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StretchGuide: pain over time, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting your history...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListeningIndicator</name>
    <message>
        <source>Voice commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say pause, go on, skip, back, ouch, stop, mute or unmute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>StretchGuide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No &amp;floor work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only routines without floor work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment I have ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the equipment you have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading routines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 routine file could not be loaded: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 routine files could not be loaded: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Routines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety &amp;questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print / Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan to &amp;calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this routine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? Its file is removed; your history keeps past sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StretchGuide will start in the tray at login (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StretchGuide no longer starts at login (%1 removed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is paused. Sharp or growing pain means stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ease off: shorter holds from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Sharp or growing pain means stop. Press one to ease off, two to skip this exercise, three to carry on, four to end the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or say skip, go on, or stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StretchGuide cannot open your history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your history could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the newest backup now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session did not finish last time (perhaps the computer stopped). Keep what was done as a partial session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions did not finish last time (perhaps the computer stopped). Keep what was done as partial sessions?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How are you after yesterday&apos;s session? A quick check-in helps tell whether the exercises suit you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen by a doctor?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please get medical help first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session was started. Please get medical help first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Thank you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet (the disk may be full, or another program is using your history). Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is saved now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this session could not be saved yet. They are kept while StretchGuide is open and saved as soon as the disk has room or your history is free. Try again now?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Still not possible. StretchGuide keeps the records and tries again every few seconds while it is open; please free some disk space or close other programs that use your history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eased off: holds are shorter from here on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a routine in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the routine as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the PDF to print it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stretches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MicrophoneTest</name>
    <message>
        <source>Test your microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last command: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last command heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the speech engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening: say a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last command: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Click: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PainScale</name>
    <message>
        <source>%1: %2 out of 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = no pain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 = worst pain imaginable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(before the session: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutineDetails</name>
    <message>
        <source>Routine details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a routine on the left to see its exercises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters and show every routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit or copy this routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this routine of yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start this routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy and edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routine fits all the filters you chose.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message>
        <source>Edit routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How &amp;often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions a &amp;week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercises in this routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose of the selected exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per repetition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both legs together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each side in turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternate sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painful side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest between sets in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hold, seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;petitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per re&amp;p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;des</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;t between sets, seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with this routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give the routine a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise %1, %2: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one exercise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a routine called “%1”. Please pick another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutineListModel</name>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no floor work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start here: beginners and flare-ups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafetyGate</name>
    <message>
        <source>Before you begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both / not sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painful leg: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which leg hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;understand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand the disclaimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few safety questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some signs mean exercises are not the right thing today. Please answer each question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;None of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer no to every question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check my answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with the &amp;exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with the exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please answer every question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seek urgent medical help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please see a doctor soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You answered yes to:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>A guided stretching session is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: the computer&apos;s clock changed, so the session is paused where you were. Press Space when you are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: the computer was asleep or busy for %1. Press Space when you are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left in the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous step (Left arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step (Right arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hurts (H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute or unmute (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the session (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is paused. What you have done so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, end the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, carry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relax and breathe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEFT LEG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIGHT LEG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breath %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest first, then this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOUND OFF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoken guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen during a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StretchGuide speaks the new language after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not said yet (ask before a session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both / not sure (both legs are exercised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides equally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painful side only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painful side first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extra set on the painful side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me on planned days at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StretchGuide then starts at login, in the tray, so reminders come with the window closed. Turning this off removes it from login again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> / 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get-ready time in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First get-ready of a session in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme: light, dark or as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest between exercises in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to switch sides in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painful side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sides to exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning check-in reminder time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the safety questions every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain after a session that is fine, up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain that is acceptable, up to; above it, ease off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;irst get ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Painful side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;des</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Morning check-in at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety &amp;questions every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain that is &amp;fine, up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain that is &amp;acceptable, up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StreakStrip</name>
    <message>
        <source>Last 21 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the last 21 days had a session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceListener</name>
    <message>
        <source>No microphone was found. Voice commands are off; the keys still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone cannot record 16 kHz mono sound. Voice commands are off; the keys still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone could not be opened (it may be in use, or access was denied). Voice commands are off; the keys still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone stopped working. Voice commands are off; the keys still work.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceSection</name>
    <message>
        <source>Voice commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen for voice commands during a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>mat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small ball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exercise ball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sturdy support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lying on back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lying face down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lying on side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hands and knees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foraminal stenosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disc bulge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Piriformis syndrome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Irritated sciatic nerve</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>StretchGuide report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
