<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AnimatedFigure</name>
    <message>
        <source>Exercise figure</source>
        <translation>Figure de l’exercice</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>Before you start: how are you right now?</source>
        <translation>Avant de commencer : comment allez-vous ?</translation>
    </message>
    <message>
        <source>After the session: how are you now?</source>
        <translation>Après la séance : comment allez-vous ?</translation>
    </message>
    <message>
        <source>Good morning: how did you wake up?</source>
        <translation>Bonjour : comment s’est passé le réveil ?</translation>
    </message>
    <message>
        <source>How are you right now?</source>
        <translation>Comment allez-vous en ce moment ?</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Douleur au dos</translation>
    </message>
    <message>
        <source>Leg pain</source>
        <translation>Douleur à la jambe</translation>
    </message>
    <message>
        <source>How far down the leg do you feel it?</source>
        <translation>Jusqu’où le sentez-vous dans la jambe ?</translation>
    </message>
    <message>
        <source>Not in the leg</source>
        <translation>Pas dans la jambe</translation>
    </message>
    <message>
        <source>Buttock</source>
        <translation>Fesse</translation>
    </message>
    <message>
        <source>Thigh</source>
        <translation>Cuisse</translation>
    </message>
    <message>
        <source>Below the knee</source>
        <translation>Sous le genou</translation>
    </message>
    <message>
        <source>Into the foot</source>
        <translation>Jusqu’au pied</translation>
    </message>
    <message>
        <source>Symptoms reach: </source>
        <translation>Les symptômes vont jusqu’à : </translation>
    </message>
    <message>
        <source>How far down the leg</source>
        <translation>Jusqu’où dans la jambe</translation>
    </message>
    <message>
        <source>Do you also feel any of these?</source>
        <translation>Ressentez-vous aussi l’un de ces signes ?</translation>
    </message>
    <message>
        <source>&amp;Tingling</source>
        <translation>&amp;Fourmillements</translation>
    </message>
    <message>
        <source>&amp;Numbness</source>
        <translation>&amp;Engourdissement</translation>
    </message>
    <message>
        <source>&amp;Weakness</source>
        <translation>Fai&amp;blesse</translation>
    </message>
    <message>
        <source>Tingling</source>
        <translation>Fourmillements</translation>
    </message>
    <message>
        <source>Numbness</source>
        <translation>Engourdissement</translation>
    </message>
    <message>
        <source>Weakness</source>
        <translation>Faiblesse</translation>
    </message>
    <message>
        <source>Other symptoms</source>
        <translation>Autres symptômes</translation>
    </message>
    <message>
        <source>Before the session</source>
        <translation>Avant la séance</translation>
    </message>
    <message>
        <source>Which leg hurts?</source>
        <translation>Quelle jambe fait mal ?</translation>
    </message>
    <message>
        <source>&amp;Left</source>
        <translation>&amp;Gauche</translation>
    </message>
    <message>
        <source>&amp;Right</source>
        <translation>&amp;Droite</translation>
    </message>
    <message>
        <source>Painful leg: </source>
        <translation>Jambe douloureuse : </translation>
    </message>
    <message>
        <source>Which leg hurts</source>
        <translation>Quelle jambe fait mal</translation>
    </message>
    <message>
        <source>&amp;Both legs</source>
        <translation>Les deu&amp;x jambes</translation>
    </message>
    <message>
        <source>Not s&amp;ure</source>
        <translation>Je ne &amp;sais pas</translation>
    </message>
    <message>
        <source>Exercises for the painful leg are done on this leg. Both legs or not sure: they are done on both legs.</source>
        <translation>Les exercices pour la jambe douloureuse se font sur cette jambe. Les deux jambes ou vous ne savez pas : ils se font sur les deux.</translation>
    </message>
    <message>
        <source>N&amp;ote (optional)</source>
        <translation>N&amp;ote (facultatif)</translation>
    </message>
    <message>
        <source>Anything you want to remember or tell your clinician</source>
        <translation>Ce que vous voulez retenir ou dire à votre médecin ou kinésithérapeute</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Form error</source>
        <translation>Erreur dans le formulaire</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>What this is for: your answers stay on this computer. Before and after each session they show whether the exercises calm your symptoms or stir them up; over days they draw your pain trend and the 14-day verdict in History. Pain spreading further down the leg, or new numbness or weakness, is a sign to ease off and talk to a professional.</source>
        <translation>À quoi ça sert : vos réponses restent sur cet ordinateur. Avant et après chaque séance, elles montrent si les exercices calment vos symptômes ou les aggravent ; au fil des jours, elles tracent l’évolution de la douleur et le résultat sur 14 jours dans Historique. Une douleur qui descend plus bas dans la jambe, ou un nouvel engourdissement ou une nouvelle faiblesse, indique d’y aller plus doucement et d’en parler à un professionnel.</translation>
    </message>
    <message>
        <source>What the answers are used for</source>
        <translation>À quoi servent les réponses</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Passer</translation>
    </message>
    <message>
        <source>Skip the check-in</source>
        <translation>Passer le bilan</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the check-in</source>
        <translation>Enregistrer le bilan</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Routine:</source>
        <translation>Programme :</translation>
    </message>
    <message>
        <source>not in the leg</source>
        <translation>pas dans la jambe</translation>
    </message>
    <message>
        <source>buttock</source>
        <translation>fesse</translation>
    </message>
    <message>
        <source>thigh</source>
        <translation>cuisse</translation>
    </message>
    <message>
        <source>below the knee</source>
        <translation>sous le genou</translation>
    </message>
    <message>
        <source>into the foot</source>
        <translation>jusqu’au pied</translation>
    </message>
    <message>
        <source>tingling</source>
        <translation>fourmillements</translation>
    </message>
    <message>
        <source>numbness</source>
        <translation>engourdissement</translation>
    </message>
    <message>
        <source>weakness</source>
        <translation>faiblesse</translation>
    </message>
    <message>
        <source>Before the session: symptoms reached %1; %2.</source>
        <translation>Avant la séance : symptômes jusqu’à %1 ; %2.</translation>
    </message>
    <message>
        <source>no tingling, numbness or weakness</source>
        <translation>ni fourmillements, ni engourdissement, ni faiblesse</translation>
    </message>
    <message>
        <source>How did each exercise feel?</source>
        <translation>Comment s’est passé chaque exercice ?</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Mieux</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Pareil</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Moins bien</translation>
    </message>
    <message>
        <source>Please pick a number for back pain and for leg pain.</source>
        <translation>Choisissez un chiffre pour la douleur au dos et pour la jambe.</translation>
    </message>
    <message>
        <source>Please say how far down the leg you feel it (or &quot;Not in the leg&quot;).</source>
        <translation>Indiquez jusqu&apos;où vous le sentez dans la jambe (ou « Pas dans la jambe »).</translation>
    </message>
    <message>
        <source>Please say which leg hurts (or both, or not sure).</source>
        <translation>Indiquez quelle jambe vous fait mal (ou les deux, ou que vous ne savez pas).</translation>
    </message>
</context>
<context>
    <name>ChoiceOverlay</name>
    <message>
        <source>Press %1</source>
        <translation>Appuyez sur %1</translation>
    </message>
    <message>
        <source>Stop the session (you are asked first)</source>
        <translation>Arrêter la séance (après confirmation)</translation>
    </message>
    <message>
        <source>Esc: %1</source>
        <translation>Échap : %1</translation>
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
        <translation>Lancer le programme du jour</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Faire le bilan</translation>
    </message>
    <message>
        <source>Open StretchGuide</source>
        <translation>Ouvrir StretchGuide</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Start today&apos;s routine: %1</source>
        <translation>Lancer le programme du jour : %1</translation>
    </message>
    <message>
        <source>The plan could not be saved: %1</source>
        <translation>Le plan n’a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Ready for a little more?</source>
        <translation>Envie d’un peu plus ?</translation>
    </message>
    <message>
        <source>Go gentler next time?</source>
        <translation>Plus doucement la prochaine fois ?</translation>
    </message>
    <message>
        <source>Your plan was dated after today, probably because the computer&apos;s clock was ahead. It now starts today.</source>
        <translation>Votre plan était daté d’après aujourd’hui, sans doute parce que l’horloge de l’ordinateur avançait. Il commence donc aujourd’hui.</translation>
    </message>
    <message>
        <source>Changes to your plan</source>
        <translation>Changements de votre plan</translation>
    </message>
    <message>
        <source>StretchGuide suggests these changes for your next session. Untick any you do not want.</source>
        <translation>StretchGuide propose ces changements pour votre prochaine séance. Décochez ceux que vous ne voulez pas.</translation>
    </message>
    <message>
        <source>The plan could not be saved</source>
        <translation>Le plan n’a pas pu être enregistré</translation>
    </message>
    <message>
        <source>%1 is planned for today.</source>
        <translation>%1 est prévu aujourd’hui.</translation>
    </message>
    <message>
        <source>Pick a routine and take a few minutes for your back.</source>
        <translation>Choisissez un programme et prenez quelques minutes pour votre dos.</translation>
    </message>
    <message>
        <source>Time for your stretches.</source>
        <translation>C’est l’heure de vos étirements.</translation>
    </message>
    <message>
        <source>Time for your stretches</source>
        <translation>C’est l’heure de vos étirements</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Bonjour</translation>
    </message>
    <message>
        <source>How is your back after yesterday&apos;s session? A quick check-in helps.</source>
        <translation>Comment va votre dos après la séance d’hier ? Un petit bilan aide.</translation>
    </message>
</context>
<context>
    <name>CountdownDial</name>
    <message>
        <source>Countdown</source>
        <translation>Compte à rebours</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>%n seconde restante</numerusform>
            <numerusform>%n secondes restantes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CuePlayer</name>
    <message>
        <source>No sound output found: cues are shown on screen only.</source>
        <translation>Aucune sortie son trouvée : les signaux s’affichent seulement à l’écran.</translation>
    </message>
    <message>
        <source>Some cue sounds are missing; the voice carries on.</source>
        <translation>Certains sons manquent ; la voix continue.</translation>
    </message>
    <message>
        <source>The speech engine stopped working: using recorded voice.</source>
        <translation>La synthèse vocale ne marche plus : voix enregistrée utilisée.</translation>
    </message>
    <message>
        <source>The speech engine stopped working: beeps only.</source>
        <translation>La synthèse vocale ne marche plus : bips seulement.</translation>
    </message>
</context>
<context>
    <name>FullScreenButton</name>
    <message>
        <source>Leave full screen</source>
        <translation>Quitter le plein écran</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
</context>
<context>
    <name>GuidancePage</name>
    <message>
        <source>Activities to limit for now</source>
        <translation>Activités à limiter pour l’instant</translation>
    </message>
    <message>
        <source>Ice and heat</source>
        <translation>Froid et chaleur</translation>
    </message>
    <message>
        <source>Keep moving</source>
        <translation>Rester en mouvement</translation>
    </message>
    <message>
        <source>How hard to push</source>
        <translation>Jusqu’où aller</translation>
    </message>
    <message>
        <source>When to see a professional</source>
        <translation>Quand consulter un professionnel</translation>
    </message>
    <message>
        <source>Living with sciatica</source>
        <translation>Vivre avec une sciatique</translation>
    </message>
    <message>
        <source>Ice: %1-%2 minutes at a time, %3-%4 times a day.</source>
        <translation>Froid : %1 à %2 minutes à chaque fois, %3 à %4 fois par jour.</translation>
    </message>
    <message>
        <source>Get medical help today if</source>
        <translation>Demandez une aide médicale aujourd’hui si</translation>
    </message>
    <message>
        <source>See a doctor soon if</source>
        <translation>Consultez bientôt un médecin si</translation>
    </message>
    <message>
        <source>This is general guidance, not medical advice.</source>
        <translation>Ce sont des conseils généraux, pas un avis médical.</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Conseils</translation>
    </message>
</context>
<context>
    <name>HelpsHurtsBox</name>
    <message>
        <source>Exercises that tend to help or hurt</source>
        <translation>Exercices qui semblent aider ou nuire</translation>
    </message>
    <message>
        <source>How to read this table</source>
        <translation>Comment lire ce tableau</translation>
    </message>
    <message>
        <source>⚠ hurt: your worse answers and “this hurts” presses outnumber your better answers — consider easing off it or leaving it out, and mention it to your clinician. The next check-in counts are shared by every exercise done in a session: they show what came after, not what caused it.</source>
        <translation>⚠ nuit : vos réponses « moins bien » et vos appuis sur « ça fait mal » dépassent vos réponses « mieux » ; envisagez d’y aller plus doucement ou de le retirer, et parlez-en à votre médecin ou kinésithérapeute. Les chiffres du bilan suivant valent pour tous les exercices faits pendant une séance : ils montrent ce qui a suivi, pas ce qui l’a causé.</translation>
    </message>
</context>
<context>
    <name>HelpsHurtsModel</name>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Tends to</source>
        <translation>Tend à</translation>
    </message>
    <message>
        <source>&quot;This
hurts&quot;</source>
        <translation>« Ça fait
mal »</translation>
    </message>
    <message>
        <source>You said
✓ · = · ⚠</source>
        <translation>Votre réponse
✓ · = · ⚠</translation>
    </message>
    <message>
        <source>Next check-in
✓ · = · ⚠</source>
        <translation>Bilan suivant
✓ · = · ⚠</translation>
    </message>
    <message>
        <source>You said: better, the same, worse</source>
        <translation>Votre réponse : mieux, pareil, moins bien</translation>
    </message>
    <message>
        <source>Next check-in: better, the same, worse</source>
        <translation>Bilan suivant : mieux, pareil, moins bien</translation>
    </message>
    <message>
        <source>Counts: ✓ better · = the same · ⚠ worse</source>
        <translation>Chiffres : ✓ mieux · = pareil · ⚠ moins bien</translation>
    </message>
    <message>
        <source>Hurt: your worse answers and “this hurts” presses outnumber your better answers. Help: your better answers outnumber them.</source>
        <translation>Nuit : vos réponses « moins bien » et vos appuis sur « Ça fait mal » dépassent vos réponses « mieux ». Aide : vos réponses « mieux » sont plus nombreuses.</translation>
    </message>
    <message>
        <source>Your own answers after each session: better, the same, or worse.</source>
        <translation>Vos propres réponses après chaque séance : mieux, pareil ou moins bien.</translation>
    </message>
    <message>
        <source>How many times you pressed “this hurts” during this exercise.</source>
        <translation>Combien de fois vous avez appuyé sur « Ça fait mal » pendant cet exercice.</translation>
    </message>
    <message>
        <source>How the next check-in compared with the one before, after sessions in which you did this exercise (skipped or not reached: not counted). Shared by every exercise done in that session: it shows what came after, not what caused it.</source>
        <translation>Comment le bilan suivant se compare au précédent, après les séances où vous avez fait cet exercice (passé ou pas atteint : non compté). Commun à tous les exercices faits pendant cette séance : il montre ce qui a suivi, pas ce qui l’a causé.</translation>
    </message>
    <message>
        <source>⚠ hurt</source>
        <translation>⚠ nuit</translation>
    </message>
    <message>
        <source>✓ help</source>
        <translation>✓ aide</translation>
    </message>
    <message>
        <source>unclear</source>
        <translation>pas clair</translation>
    </message>
    <message>
        <source>%1 tends to hurt</source>
        <translation>%1 semble nuire</translation>
    </message>
    <message>
        <source>%1 tends to help</source>
        <translation>%1 semble aider</translation>
    </message>
    <message>
        <source>No clear lean for %1</source>
        <translation>Pas de tendance claire pour %1</translation>
    </message>
    <message>
        <source>You said better %1, the same %2, worse %3 times</source>
        <translation>Vos réponses : mieux %1, pareil %2, moins bien %3 fois</translation>
    </message>
    <message>
        <source>“This hurts” pressed %1 times</source>
        <translation>« Ça fait mal » appuyé %1 fois</translation>
    </message>
    <message>
        <source>Next check-in better %1, the same %2, worse %3 times</source>
        <translation>Bilan suivant mieux %1, pareil %2, moins bien %3 fois</translation>
    </message>
</context>
<context>
    <name>HistoryExports</name>
    <message>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier ?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer ?</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>StretchGuide: pain over time, %1 to %2</source>
        <translation>StretchGuide : douleur dans le temps, du %1 au %2</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>Export data to folder</source>
        <translation>Exporter les données dans un dossier</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Exporting your history...</source>
        <translation>Export de votre historique…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>2 weeks</source>
        <translation>2 semaines</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 mois</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 an</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>Value under the pointer</source>
        <translation>Valeur sous le pointeur</translation>
    </message>
    <message>
        <source>Save chart (&amp;PNG)</source>
        <translation>Enregistrer le graphique (&amp;PNG)</translation>
    </message>
    <message>
        <source>Export data (C&amp;SV)</source>
        <translation>Exporter les données (C&amp;SV)</translation>
    </message>
    <message>
        <source>Report for my &amp;clinician (PDF)</source>
        <translation>Rapport pour mon &amp;médecin (PDF)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing here yet&lt;/h2&gt;&lt;p&gt;After your first check-in or session, your back and leg pain will show here, day by day, with a 7-day average so you can see the trend.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Rien pour l’instant&lt;/h2&gt;&lt;p&gt;Après votre premier bilan ou votre première séance, vos douleurs au dos et à la jambe s’affichent ici jour après jour, avec une moyenne sur 7 jours pour voir la tendance.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LastResort</name>
    <message>
        <source>Something went wrong, and that action was stopped (%1).</source>
        <translation>Un problème est survenu, et cette action a été arrêtée (%1).</translation>
    </message>
    <message>
        <source>The details are in %1, if someone helps you with it.</source>
        <translation>Les détails sont dans %1, si quelqu’un vous aide à le résoudre.</translation>
    </message>
</context>
<context>
    <name>ListeningIndicator</name>
    <message>
        <source>Voice commands</source>
        <translation>Commandes vocales</translation>
    </message>
    <message>
        <source>Heard: %1</source>
        <translation>Entendu : %1</translation>
    </message>
    <message>
        <source>No sound from the microphone: muted?</source>
        <translation>Aucun son du micro : est-il coupé ?</translation>
    </message>
    <message>
        <source>Unmute the microphone, or choose another in Settings.</source>
        <translation>Réactivez le micro ou choisissez-en un autre dans les Paramètres.</translation>
    </message>
    <message>
        <source>Wait: the app is speaking</source>
        <translation>Patientez : l’appli parle</translation>
    </message>
    <message>
        <source>Commands are not heard while the app speaks. Say yours when it has finished.</source>
        <translation>Les commandes ne sont pas entendues pendant que l’appli parle. Dites la vôtre quand elle a fini.</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>À l’écoute</translation>
    </message>
    <message>
        <source>Say pause, go on, skip, back, ouch, stop, mute or unmute.</source>
        <translation>Dites en anglais : pause, go on, skip, back, ouch, stop, mute ou unmute.</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Pas à l’écoute</translation>
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
        <translation>&amp;Programmes</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Guidance</source>
        <translation>C&amp;onseils</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>&amp;Faire le bilan</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Pa&amp;ramètres</translation>
    </message>
    <message>
        <source>Safety &amp;questions</source>
        <translation>&amp;Questions de sécurité</translation>
    </message>
    <message>
        <source>&amp;Print / Save as PDF</source>
        <translation>Imprimer / enregistrer en PD&amp;F</translation>
    </message>
    <message>
        <source>Plan to &amp;calendar</source>
        <translation>Plan vers le &amp;calendrier</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Lancer à l’ouverture de session</translation>
    </message>
    <message>
        <source>StretchGuide will start in the tray at login (%1).</source>
        <translation>StretchGuide se lancera dans la zone de notification à l’ouverture de session (%1).</translation>
    </message>
    <message>
        <source>StretchGuide no longer starts at login (%1 removed).</source>
        <translation>StretchGuide ne se lance plus à l’ouverture de session (%1 supprimé).</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Ça fait mal</translation>
    </message>
    <message>
        <source>The session is paused. Sharp or growing pain means stop.</source>
        <translation>La séance est en pause. Une douleur vive ou qui augmente veut dire : arrêtez.</translation>
    </message>
    <message>
        <source>Or say “ease off”, “skip”, “go on” or “stop”.</source>
        <translation>Ou dites en anglais « ease off », « skip », « go on » ou « stop ».</translation>
    </message>
    <message>
        <source>Or say “skip”, “go on” or “stop”.</source>
        <translation>Ou dites en anglais « skip », « go on » ou « stop ».</translation>
    </message>
    <message>
        <source>Ease off: shorter holds from here</source>
        <translation>Alléger : maintiens plus courts à partir de maintenant</translation>
    </message>
    <message>
        <source>Skip this exercise</source>
        <translation>Passer cet exercice</translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Arrêter la séance</translation>
    </message>
    <message>
        <source>No, back to the choices</source>
        <translation>Non, retour aux choix</translation>
    </message>
</context>
<context>
    <name>MicrophoneTest</name>
    <message>
        <source>Say each command from where you will lie. A tick means it was heard in your voice and room. Not ticked after a few tries: say its other word, or bring the microphone nearer. In a session, the H key always does “this hurts”.</source>
        <translation>Dites chaque commande depuis l’endroit où vous vous allongerez. Une coche veut dire qu’elle a été entendue avec votre voix, dans votre pièce. Toujours sans coche après quelques essais : dites son autre mot ou rapprochez le micro. Pendant une séance, la touche H fait toujours « Ça fait mal ».</translation>
    </message>
    <message>
        <source>Heard you, but no command: say the command on its own, or its other word.</source>
        <translation>Entendu, mais ce n’est pas une commande : dites la commande seule, ou son autre mot.</translation>
    </message>
    <message>
        <source>%1: heard</source>
        <translation>%1 : entendue</translation>
    </message>
    <message>
        <source>%1: not heard yet</source>
        <translation>%1 : pas encore entendue</translation>
    </message>
    <message>
        <source>Test your microphone</source>
        <translation>Tester le micro</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Niveau du micro</translation>
    </message>
    <message>
        <source>Last command: none yet</source>
        <translation>Dernière commande : aucune</translation>
    </message>
    <message>
        <source>Last command heard</source>
        <translation>Dernière commande entendue</translation>
    </message>
    <message>
        <source>Loading the speech engine…</source>
        <translation>Chargement de la reconnaissance vocale…</translation>
    </message>
    <message>
        <source>Listening: say a command.</source>
        <translation>À l’écoute : dites une commande.</translation>
    </message>
    <message>
        <source>The microphone gives no sound at all: is it muted, or switched off?</source>
        <translation>Le micro ne donne aucun son : est-il coupé ou éteint ?</translation>
    </message>
    <message>
        <source>Last command: “%1” (%2)</source>
        <translation>Dernière commande : « %1 » (%2)</translation>
    </message>
</context>
<context>
    <name>NavOverflow</name>
    <message>
        <source>More ▾</source>
        <translation>Plus ▾</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Autres actions</translation>
    </message>
    <message>
        <source>The actions that do not fit on this bar</source>
        <translation>Les actions qui ne tiennent pas dans cette barre</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Click: %1</source>
        <translation>Clic : %1</translation>
    </message>
</context>
<context>
    <name>OffersDialog</name>
    <message>
        <source>Change my plan</source>
        <translation>Changer mon plan</translation>
    </message>
    <message>
        <source>Keep my plan as it is</source>
        <translation>Garder mon plan tel quel</translation>
    </message>
</context>
<context>
    <name>PainChart</name>
    <message>
        <source>Pain chart</source>
        <translation>Graphique de la douleur</translation>
    </message>
    <message>
        <source>Pain (0-10)</source>
        <translation>Douleur (0-10)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Douleur au dos</translation>
    </message>
    <message>
        <source>Leg pain</source>
        <translation>Douleur à la jambe</translation>
    </message>
    <message>
        <source>Back, 7-day average</source>
        <translation>Dos, moyenne sur 7 jours</translation>
    </message>
    <message>
        <source>Leg, 7-day average</source>
        <translation>Jambe, moyenne sur 7 jours</translation>
    </message>
    <message>
        <source>Session: before → after</source>
        <translation>Séance : avant → après</translation>
    </message>
    <message>
        <source>%1: back %2, leg %3 (day&apos;s average)</source>
        <translation>%1 : dos %2, jambe %3 (moyenne du jour)</translation>
    </message>
</context>
<context>
    <name>PainScale</name>
    <message>
        <source>%1: %2 out of 10</source>
        <translation>%1 : %2 sur 10</translation>
    </message>
    <message>
        <source>0 = no pain</source>
        <translation>0 = aucune douleur</translation>
    </message>
    <message>
        <source>10 = worst pain imaginable</source>
        <translation>10 = pire douleur imaginable</translation>
    </message>
    <message>
        <source>(before the session: %1)</source>
        <translation>(avant la séance : %1)</translation>
    </message>
</context>
<context>
    <name>PendingWrites</name>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet: the disk is full. Nothing is lost: they are kept and StretchGuide tries again every few seconds. Please free some disk space.</source>
        <translation>
            <numerusform>%n enregistrement n’a pas encore pu être sauvegardé : le disque est plein. Rien n’est perdu : il est gardé et StretchGuide réessaie toutes les quelques secondes. Veuillez libérer de la place sur le disque.</numerusform>
            <numerusform>%n enregistrements n’ont pas encore pu être sauvegardés : le disque est plein. Rien n’est perdu : ils sont gardés et StretchGuide réessaie toutes les quelques secondes. Veuillez libérer de la place sur le disque.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet: another program is using your history. Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation>
            <numerusform>%n enregistrement n’a pas encore pu être sauvegardé : un autre programme utilise votre historique. Rien n’est perdu : il est gardé et StretchGuide réessaie toutes les quelques secondes.</numerusform>
            <numerusform>%n enregistrements n’ont pas encore pu être sauvegardés : un autre programme utilise votre historique. Rien n’est perdu : ils sont gardés et StretchGuide réessaie toutes les quelques secondes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet (the disk may be full, or another program is using your history). Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation>
            <numerusform>%n enregistrement n’a pas encore pu être sauvegardé (le disque est peut-être plein, ou un autre programme utilise votre historique). Rien n’est perdu : il est gardé et StretchGuide réessaie toutes les quelques secondes.</numerusform>
            <numerusform>%n enregistrements n’ont pas encore pu être sauvegardés (le disque est peut-être plein, ou un autre programme utilise votre historique). Rien n’est perdu : ils sont gardés et StretchGuide réessaie toutes les quelques secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is saved now.</source>
        <translation>Tout est enregistré maintenant.</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Choose a routine in the list first.</source>
        <translation>Choisissez d’abord un programme dans la liste.</translation>
    </message>
    <message>
        <source>Save the routine as PDF</source>
        <translation>Enregistrer le programme en PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved</source>
        <translation>Le PDF n’a pas pu être enregistré</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Open the PDF to print it?</source>
        <translation>Ouvrir le PDF pour l’imprimer ?</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation>Exporter le plan</translation>
    </message>
    <message>
        <source>Stretches: %1</source>
        <translation>Étirements : %1</translation>
    </message>
    <message>
        <source>The calendar could not be saved</source>
        <translation>Le calendrier n’a pas pu être enregistré</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Your settings cannot be saved: StretchGuide is not allowed to write to %1. Changes you make now apply until you close StretchGuide, but are not kept.</source>
        <translation>Vos réglages ne peuvent pas être enregistrés : StretchGuide n&apos;a pas le droit d&apos;écrire dans %1. Ce que vous changez maintenant s&apos;applique jusqu&apos;à la fermeture de StretchGuide, mais n&apos;est pas conservé.</translation>
    </message>
    <message>
        <source>Your settings file was not a plain file (perhaps a folder or a pipe). It was moved aside as %1; your settings start again from their defaults.</source>
        <translation>Votre fichier de réglages n&apos;était pas un fichier ordinaire (peut-être un dossier ou un tube). Il a été mis de côté sous le nom %1 ; vos réglages repartent de leurs valeurs par défaut.</translation>
    </message>
    <message>
        <source>Your settings file had a value StretchGuide cannot read. The file was kept as %1; your other settings are kept.</source>
        <translation>Votre fichier de réglages contenait une valeur que StretchGuide ne sait pas lire. Le fichier a été gardé sous %1 ; vos autres réglages sont conservés.</translation>
    </message>
    <message>
        <source>Another program changed your settings file, and StretchGuide cannot read it now. That file was kept as %1; your settings are as they were before.</source>
        <translation>Un autre programme a modifié votre fichier de réglages, et StretchGuide ne peut plus le lire. Ce fichier a été gardé sous %1 ; vos réglages sont restés comme avant.</translation>
    </message>
    <message>
        <source>Your settings file could not be read. It was kept as %1; settings that could not be read from it are back to their defaults.</source>
        <translation>Votre fichier de réglages n&apos;a pas pu être lu. Il a été gardé sous %1 ; les réglages qui n&apos;ont pas pu y être lus sont revenus à leurs valeurs par défaut.</translation>
    </message>
    <message>
        <source>What is wrong with it: %1.</source>
        <translation>Le problème : %1.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ReadFirst</name>
    <message>
        <source>Please read the advice first: this works in a moment.</source>
        <translation>Veuillez d’abord lire le conseil : ce bouton fonctionne dans un instant.</translation>
    </message>
</context>
<context>
    <name>RoutineDetails</name>
    <message>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>À quelle fréquence</translation>
    </message>
    <message>
        <source>You need</source>
        <translation>Il vous faut</translation>
    </message>
    <message>
        <source>unknown exercise</source>
        <translation>exercice inconnu</translation>
    </message>
    <message>
        <source>Routine details</source>
        <translation>Détails du programme</translation>
    </message>
    <message>
        <source>Pick a routine on the left to see its exercises.</source>
        <translation>Choisissez un programme à gauche pour voir ses exercices.</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>E&amp;ffacer les filtres</translation>
    </message>
    <message>
        <source>Clear filters and show every routine</source>
        <translation>Effacer les filtres et afficher tous les programmes</translation>
    </message>
    <message>
        <source>&amp;New routine</source>
        <translation>&amp;Nouveau programme</translation>
    </message>
    <message>
        <source>Create a new routine</source>
        <translation>Créer un nouveau programme</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>Edit or copy this routine</source>
        <translation>Modifier ou copier ce programme</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete this routine of yours</source>
        <translation>Supprimer ce programme personnel</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Commencer</translation>
    </message>
    <message>
        <source>Start this routine</source>
        <translation>Commencer ce programme</translation>
    </message>
    <message>
        <source>&amp;Copy and edit</source>
        <translation>Copier et &amp;modifier</translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation>Aucun programme ne correspond</translation>
    </message>
    <message>
        <source>No routine fits all the filters you chose.</source>
        <translation>Aucun programme ne correspond à tous les filtres choisis.</translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message>
        <source>Edit routine</source>
        <translation>Modifier le programme</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Nouveau programme</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Nom du programme</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>À quelle fréquence</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Séances par semaine</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>How &amp;often</source>
        <translation>&amp;Fréquence</translation>
    </message>
    <message>
        <source>Sessions a &amp;week</source>
        <translation>Séances par se&amp;maine</translation>
    </message>
    <message>
        <source>Exercises in this routine</source>
        <translation>Exercices de ce programme</translation>
    </message>
    <message>
        <source>Exercise to add</source>
        <translation>Exercice à ajouter</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>M&amp;onter</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Desce&amp;ndre</translation>
    </message>
    <message>
        <source>Dose of the selected exercise</source>
        <translation>Dose de l’exercice choisi</translation>
    </message>
    <message>
        <source>Hold in seconds</source>
        <translation>Maintien en secondes</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Répétitions</translation>
    </message>
    <message>
        <source>Seconds per repetition</source>
        <translation>Secondes par répétition</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>Côtés</translation>
    </message>
    <message>
        <source>Both legs together</source>
        <translation>Les deux jambes ensemble</translation>
    </message>
    <message>
        <source>Each side in turn</source>
        <translation>Chaque côté à tour de rôle</translation>
    </message>
    <message>
        <source>Alternate sides</source>
        <translation>Alterner les côtés</translation>
    </message>
    <message>
        <source>Painful side only</source>
        <translation>Seulement le côté douloureux</translation>
    </message>
    <message>
        <source>Rest between sets in seconds</source>
        <translation>Repos entre les séries en secondes</translation>
    </message>
    <message>
        <source>&amp;Hold, seconds</source>
        <translation>&amp;Maintien, secondes</translation>
    </message>
    <message>
        <source>Re&amp;petitions</source>
        <translation>Ré&amp;pétitions</translation>
    </message>
    <message>
        <source>Seconds per re&amp;p</source>
        <translation>Secondes par ré&amp;pétition</translation>
    </message>
    <message>
        <source>S&amp;ets</source>
        <translation>Sé&amp;ries</translation>
    </message>
    <message>
        <source>Si&amp;des</source>
        <translation>Cô&amp;tés</translation>
    </message>
    <message>
        <source>Res&amp;t between sets, seconds</source>
        <translation>Repos en&amp;tre les séries, secondes</translation>
    </message>
    <message>
        <source>Problem with this routine</source>
        <translation>Problème avec ce programme</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation>Une fois par jour</translation>
    </message>
    <message>
        <source>My %1</source>
        <translation>Mon %1</translation>
    </message>
    <message>
        <source>Expected %1</source>
        <translation>Attendu : %1</translation>
    </message>
    <message>
        <source>, got %1</source>
        <translation>, reçu : %1</translation>
    </message>
    <message>
        <source>Please give the routine a name.</source>
        <translation>Donnez un nom au programme.</translation>
    </message>
    <message>
        <source>The name holds characters that do not show (such as a direction mark or a zero-width space). Please type it without them.</source>
        <translation>Le nom contient des caractères invisibles (comme une marque de direction ou une espace sans largeur). Veuillez le saisir sans eux.</translation>
    </message>
    <message>
        <source>Exercise %1, %2: </source>
        <translation>Exercice %1, %2 : </translation>
    </message>
    <message>
        <source>Add at least one exercise.</source>
        <translation>Ajoutez au moins un exercice.</translation>
    </message>
    <message numerus="yes">
        <source>A routine holds at most %n exercises. Please remove some.</source>
        <translation>
            <numerusform>Un programme comprend au plus %n exercice. Veuillez en retirer quelques-uns.</numerusform>
            <numerusform>Un programme comprend au plus %n exercices. Veuillez en retirer quelques-uns.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Abandonner vos modifications ?</translation>
    </message>
    <message>
        <source>Your changes to this routine are not saved. Close without saving them?</source>
        <translation>Vos modifications de ce programme ne sont pas enregistrées. Fermer sans les enregistrer ?</translation>
    </message>
    <message>
        <source>Not saved: %1 is a link that leads to no file. Nothing was written; fix or remove the link and save again.</source>
        <translation>Non enregistré : %1 est un lien qui ne mène à aucun fichier. Rien n&apos;a été écrit ; réparez ou supprimez le lien, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>Not saved: %1 is a link to %2, which is not a file of yours. StretchGuide writes through a link only into a file you own; nothing was written.</source>
        <translation>Non enregistré : %1 est un lien vers %2, qui n&apos;est pas un fichier à vous. StretchGuide n&apos;écrit à travers un lien que dans un fichier qui vous appartient ; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Not saved: %1 could not be written (%2).</source>
        <translation>Non enregistré : impossible d&apos;écrire %1 (%2).</translation>
    </message>
    <message>
        <source>There is already a routine called “%1”. Please pick another name.</source>
        <translation>Il existe déjà un programme nommé « %1 ». Choisissez un autre nom.</translation>
    </message>
</context>
<context>
    <name>RoutineListModel</name>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n exercice</numerusform>
            <numerusform>%n exercices</numerusform>
        </translation>
    </message>
    <message>
        <source>no floor work</source>
        <translation>sans sol</translation>
    </message>
    <message>
        <source>my routine</source>
        <translation>mon programme</translation>
    </message>
    <message>
        <source>start here: beginners and flare-ups</source>
        <translation>Commencer ici : débutants et crises</translation>
    </message>
</context>
<context>
    <name>RoutinesPage</name>
    <message>
        <source>1 routine file could not be loaded: </source>
        <translation>1 fichier de programme n’a pas pu être chargé : </translation>
    </message>
    <message>
        <source>%1 routine files could not be loaded: </source>
        <translation>%1 fichiers de programme n’ont pas pu être chargés : </translation>
    </message>
    <message>
        <source>Filter by cause</source>
        <translation>Filtrer par cause</translation>
    </message>
    <message>
        <source>Any cause</source>
        <translation>Toutes les causes</translation>
    </message>
    <message>
        <source>Filter by position</source>
        <translation>Filtrer par position</translation>
    </message>
    <message>
        <source>Any position</source>
        <translation>Toutes les positions</translation>
    </message>
    <message>
        <source>No &amp;floor work</source>
        <translation>Sans exercices au &amp;sol</translation>
    </message>
    <message>
        <source>Only routines without floor work</source>
        <translation>Seulement les programmes sans exercices au sol</translation>
    </message>
    <message>
        <source>Equipment I have ▾</source>
        <translation>Mon matériel ▾</translation>
    </message>
    <message>
        <source>Choose the equipment you have</source>
        <translation>Choisissez le matériel dont vous disposez</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Loading routines…</source>
        <translation>Chargement des programmes…</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Cause :</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Position :</translation>
    </message>
    <message>
        <source>Delete this routine?</source>
        <translation>Supprimer ce programme ?</translation>
    </message>
    <message>
        <source>Delete “%1”? Its file is removed; your history keeps past sessions.</source>
        <translation>Supprimer « %1 » ? Son fichier est effacé ; votre historique garde les séances passées.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Non supprimé</translation>
    </message>
    <message>
        <source>“%1” was changed by another program while StretchGuide was open, so it was not deleted. The list now shows the new version from %2.</source>
        <translation>« %1 » a été modifié par un autre programme pendant que StretchGuide était ouvert : il n’a donc pas été supprimé. La liste montre maintenant la nouvelle version de %2.</translation>
    </message>
    <message>
        <source>%1 could not be removed (%2).</source>
        <translation>Impossible de supprimer %1 (%2).</translation>
    </message>
    <message>
        <source>Could not delete the routine</source>
        <translation>Le programme n’a pas pu être supprimé</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>« %1 » supprimé.</translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation>Aucun programme ne correspond</translation>
    </message>
    <message>
        <source>Saved as a new routine</source>
        <translation>Enregistré comme nouveau programme</translation>
    </message>
    <message>
        <source>The file of “%1” was changed by another program while StretchGuide was open. It was left as it is, and your changes were saved as a routine of their own: both are in the list.</source>
        <translation>Le fichier de « %1 » a été modifié par un autre programme pendant que StretchGuide était ouvert. Il est resté tel quel, et vos modifications ont été enregistrées comme un programme à part : les deux sont dans la liste.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>« %1 » enregistré.</translation>
    </message>
</context>
<context>
    <name>SafetyGate</name>
    <message>
        <source>StretchGuide offers general guidance on stretches that many people with sciatica find helpful. It is not medical advice and it cannot examine you. If you are unsure whether these exercises suit you, ask a doctor or physiotherapist first. Stop any exercise that causes sharp or increasing pain.</source>
        <translation>StretchGuide donne des conseils généraux sur des étirements qui aident beaucoup de personnes atteintes de sciatique. Ce n’est pas un avis médical et il ne peut pas vous examiner. En cas de doute, demandez d’abord à un médecin ou un kinésithérapeute si ces exercices vous conviennent. Arrêtez tout exercice qui cause une douleur vive ou qui augmente.</translation>
    </message>
    <message>
        <source>Before you begin</source>
        <translation>Avant de commencer</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Which leg hurts?</source>
        <translation>Quelle jambe fait mal ?</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>Les deux jambes</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Je ne sais pas</translation>
    </message>
    <message>
        <source>Painful leg: </source>
        <translation>Jambe douloureuse : </translation>
    </message>
    <message>
        <source>Which leg hurts</source>
        <translation>Quelle jambe fait mal</translation>
    </message>
    <message>
        <source>You can leave this for now: StretchGuide asks before a session that needs it.</source>
        <translation>Vous pouvez laisser cela pour l’instant : StretchGuide le demande avant une séance qui en a besoin.</translation>
    </message>
    <message>
        <source>I &amp;understand</source>
        <translation>J’ai &amp;compris</translation>
    </message>
    <message>
        <source>I understand the disclaimer</source>
        <translation>J’ai compris l’avertissement</translation>
    </message>
    <message>
        <source>A few safety questions</source>
        <translation>Quelques questions de sécurité</translation>
    </message>
    <message>
        <source>Some signs mean exercises are not the right thing today. Please answer each question.</source>
        <translation>Certains signes veulent dire que les exercices ne conviennent pas aujourd’hui. Répondez à chaque question.</translation>
    </message>
    <message>
        <source>You said both legs hurt. If it is sciatica in both (pain, tingling or numbness down each leg), answer Yes to the first question.</source>
        <translation>Vous avez dit avoir mal aux deux jambes. S&apos;il s&apos;agit d&apos;une sciatique des deux côtés (douleur, fourmillements ou engourdissement le long de chaque jambe), répondez Oui à la première question.</translation>
    </message>
    <message>
        <source>Asked now because of your check-in: new numbness or weakness, or pain in both legs, can come with the signs below. Please read each one.</source>
        <translation>Posées maintenant à cause de votre bilan : un engourdissement ou une faiblesse nouvelle, ou une douleur dans les deux jambes, peuvent aller avec les signes ci-dessous. Lisez chaque question.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>&amp;None of these</source>
        <translation>&amp;Aucun de ces signes</translation>
    </message>
    <message>
        <source>Answer no to every question</source>
        <translation>Répondre non à chaque question</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>Check my answers</source>
        <translation>Vérifier mes réponses</translation>
    </message>
    <message>
        <source>Safety result</source>
        <translation>Résultat de sécurité</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>J’ai compris</translation>
    </message>
    <message>
        <source>Continue with the &amp;exercises</source>
        <translation>Continuer avec les &amp;exercices</translation>
    </message>
    <message>
        <source>Continue with the exercises</source>
        <translation>Continuer avec les exercices</translation>
    </message>
    <message>
        <source>Please answer every question.</source>
        <translation>Répondez à toutes les questions.</translation>
    </message>
    <message>
        <source>Seek urgent medical help</source>
        <translation>Demandez une aide médicale urgente</translation>
    </message>
    <message>
        <source>Please see a doctor soon</source>
        <translation>Consultez bientôt un médecin</translation>
    </message>
    <message>
        <source>You answered yes to:</source>
        <translation>Vous avez répondu oui à :</translation>
    </message>
    <message>
        <source>&amp;Stop for today</source>
        <translation>A&amp;rrêter pour aujourd’hui</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>That is not a plain file (perhaps a device). Choose another name.</source>
        <translation>Ce n&apos;est pas un fichier ordinaire (peut-être un périphérique). Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again; nothing was replaced.</source>
        <translation>Le disque est plein. Libérez un peu de place et réessayez ; rien n&apos;a été remplacé.</translation>
    </message>
    <message>
        <source>You may not write there. Choose another folder.</source>
        <translation>Vous n&apos;avez pas le droit d&apos;écrire à cet endroit. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>That is a folder. Give a file name.</source>
        <translation>C&apos;est un dossier. Indiquez un nom de fichier.</translation>
    </message>
    <message>
        <source>The name is too long for this disk. Choose a shorter one.</source>
        <translation>Le nom est trop long pour ce disque. Choisissez-en un plus court.</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>Ce dossier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Part of that path is a file, not a folder.</source>
        <translation>Une partie de ce chemin est un fichier, pas un dossier.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>A guided stretching session is running</source>
        <translation>Une séance d’étirements guidée est en cours</translation>
    </message>
    <message>
        <source>Paused: the computer&apos;s clock changed, so the session is paused where you were. Press Space when you are ready.</source>
        <translation>En pause : l’horloge de l’ordinateur a changé, la séance est donc en pause là où vous étiez. Appuyez sur Espace pour reprendre.</translation>
    </message>
    <message>
        <source>Paused: the computer was asleep or busy for %1. Press Space when you are ready.</source>
        <translation>En pause : l’ordinateur était en veille ou occupé pendant %1. Appuyez sur Espace pour reprendre.</translation>
    </message>
    <message>
        <source>Paused. Press Space or Resume to carry on.</source>
        <translation>En pause. Appuyez sur Espace ou « Reprendre » pour continuer.</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Son coupé</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Son activé</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <source>StretchGuide cannot open your history</source>
        <translation>StretchGuide ne peut pas ouvrir votre historique</translation>
    </message>
    <message>
        <source>Your history could not be read</source>
        <translation>Votre historique n’a pas pu être lu</translation>
    </message>
    <message>
        <source>Restore the newest backup now?</source>
        <translation>Restaurer maintenant la sauvegarde la plus récente ?</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <source>Unfinished session</source>
        <translation>Séance non terminée</translation>
    </message>
    <message>
        <source>A session did not finish last time (perhaps the computer stopped). Keep what was done as a partial session?</source>
        <translation>Une séance ne s’est pas terminée la dernière fois (l’ordinateur s’est peut-être arrêté). Garder ce qui a été fait comme séance partielle ?</translation>
    </message>
    <message>
        <source>%1 sessions did not finish last time (perhaps the computer stopped). Keep what was done as partial sessions?</source>
        <translation>%1 séances ne se sont pas terminées la dernière fois (l’ordinateur s’est peut-être arrêté). Garder ce qui a été fait comme séances partielles ?</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Bonjour</translation>
    </message>
    <message>
        <source>How are you after yesterday&apos;s session? A quick check-in helps tell whether the exercises suit you.</source>
        <translation>Comment allez-vous après la séance d’hier ? Un petit bilan aide à savoir si les exercices vous conviennent.</translation>
    </message>
    <message>
        <source>Seen by a doctor?</source>
        <translation>Vu par un médecin ?</translation>
    </message>
    <message>
        <source>Please get medical help first</source>
        <translation>Demandez d’abord une aide médicale</translation>
    </message>
    <message>
        <source>No session was started. Please get medical help first.</source>
        <translation>Aucune séance n’a été lancée. Demandez d’abord une aide médicale.</translation>
    </message>
    <message>
        <source>Saved. Thank you.</source>
        <translation>Enregistré. Merci.</translation>
    </message>
    <message>
        <source>Please keep StretchGuide open until it says everything is saved: what is not saved is lost when it closes.</source>
        <translation>Veuillez laisser StretchGuide ouvert jusqu’à ce qu’il indique que tout est enregistré : ce qui n’est pas enregistré est perdu à la fermeture.</translation>
    </message>
    <message>
        <source>Pain in both legs can be a sign that needs urgent medical help. Please answer the safety questions now.</source>
        <translation>Une douleur dans les deux jambes peut être un signe qui demande une aide médicale urgente. Répondez maintenant aux questions de sécurité.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on your left leg.</source>
        <translation>Désormais, les exercices pour la jambe douloureuse se font sur votre jambe gauche.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on your right leg.</source>
        <translation>Désormais, les exercices pour la jambe douloureuse se font sur votre jambe droite.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on both legs.</source>
        <translation>Désormais, les exercices pour la jambe douloureuse se font sur les deux jambes.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore enregistré</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this session could not be saved yet. They are kept while StretchGuide is open and saved as soon as the disk has room or your history is free. Try again now?</source>
        <translation>
            <numerusform>%n enregistrement de cette séance n’a pas encore pu être sauvegardé. Il est gardé tant que StretchGuide est ouvert, et sauvegardé dès que le disque a de la place ou que votre historique est libre. Réessayer maintenant ?</numerusform>
            <numerusform>%n enregistrements de cette séance n’ont pas encore pu être sauvegardés. Ils sont gardés tant que StretchGuide est ouvert, et sauvegardés dès que le disque a de la place ou que votre historique est libre. Réessayer maintenant ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Still not possible. StretchGuide keeps the records and tries again every few seconds while it is open; please free some disk space or close other programs that use your history.</source>
        <translation>Toujours impossible. StretchGuide garde les enregistrements et réessaie toutes les quelques secondes tant qu’il est ouvert ; libérez un peu d’espace disque ou fermez les autres programmes qui utilisent votre historique.</translation>
    </message>
    <message>
        <source>Check-in not saved</source>
        <translation>Bilan non enregistré</translation>
    </message>
    <message>
        <source>Your check-in answers are not saved. Close anyway?</source>
        <translation>Vos réponses au bilan ne sont pas enregistrées. Fermer quand même ?</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet. If StretchGuide closes now, they are lost. Close anyway?</source>
        <translation>
            <numerusform>%n enregistrement n’a pas encore pu être sauvegardé. Si StretchGuide se ferme maintenant, il est perdu. Fermer quand même ?</numerusform>
            <numerusform>%n enregistrements n’ont pas encore pu être sauvegardés. Si StretchGuide se ferme maintenant, ils sont perdus. Fermer quand même ?</numerusform>
        </translation>
    </message>
    <message>
        <source>The session is paused. The holds are already shorter: if it still hurts, skip this exercise or end the session.</source>
        <translation>La séance est en pause. Les maintiens sont déjà plus courts : si ça fait encore mal, passez cet exercice ou arrêtez la séance.</translation>
    </message>
    <message>
        <source>The session is paused. This exercise has hurt before in this session: skip it, or end the session.</source>
        <translation>La séance est en pause. Cet exercice a déjà fait mal pendant cette séance : passez-le ou arrêtez la séance.</translation>
    </message>
    <message>
        <source>Eased off: holds are shorter from here on.</source>
        <translation>Allégé : les maintiens sont plus courts à partir de maintenant.</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Consigne</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <source>Next up</source>
        <translation>Ensuite</translation>
    </message>
    <message>
        <source>Session progress</source>
        <translation>Progression de la séance</translation>
    </message>
    <message>
        <source>Time left in the session</source>
        <translation>Temps restant de la séance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Ça fait mal</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Couper le son</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>Activer ou quitter le plein écran</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Or say “yes” or “no”.</source>
        <translation>Ou dites en anglais « yes » ou « no ».</translation>
    </message>
    <message>
        <source>Stop the session?</source>
        <translation>Arrêter la séance ?</translation>
    </message>
    <message>
        <source>The session is paused. What you have done so far is kept.</source>
        <translation>La séance est en pause. Ce que vous avez fait jusqu’ici est gardé.</translation>
    </message>
    <message>
        <source>Yes, end the session</source>
        <translation>Oui, arrêter la séance</translation>
    </message>
    <message>
        <source>No, carry on</source>
        <translation>Non, continuer</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Préparez-vous</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Tenez</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Bougez</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Changez de côté</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Ensuite : %1</translation>
    </message>
    <message>
        <source>Relax and breathe.</source>
        <translation>Détendez-vous et respirez.</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Son coupé</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>EN PAUSE</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>Mettre en pause ou reprendre</translation>
    </message>
    <message>
        <source>Repeat this step</source>
        <translation>Refaire cette étape</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <source>Mute or unmute</source>
        <translation>Couper ou rétablir le son</translation>
    </message>
    <message>
        <source>Stop the session</source>
        <translation>Arrêter la séance</translation>
    </message>
    <message>
        <source>breath %1 of %2</source>
        <translation>respiration %1 sur %2</translation>
    </message>
    <message>
        <source>set %1 of %2</source>
        <translation>série %1 sur %2</translation>
    </message>
    <message>
        <source>Rest first, then this one</source>
        <translation>D’abord du repos, puis cet exercice</translation>
    </message>
    <message>
        <source>Last exercise</source>
        <translation>Dernier exercice</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>encore %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>sur %1</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Rétablir le son</translation>
    </message>
    <message>
        <source>SOUND OFF</source>
        <translation>SON COUPÉ</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Spoken guidance</source>
        <translation>Guidage vocal</translation>
    </message>
    <message>
        <source>Cue sounds</source>
        <translation>Sons de repère</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Full screen during a session</source>
        <translation>Plein écran pendant une séance</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Comme le système (%1)</translation>
    </message>
    <message>
        <source>StretchGuide speaks the new language after a restart.</source>
        <translation>StretchGuide parlera la nouvelle langue après un redémarrage.</translation>
    </message>
    <message>
        <source>Not said yet (ask before a session)</source>
        <translation>Pas encore indiqué (demander avant une séance)</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Jambe gauche</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Jambe droite</translation>
    </message>
    <message>
        <source>Both legs (both legs are exercised)</source>
        <translation>Les deux jambes (les deux sont travaillées)</translation>
    </message>
    <message>
        <source>Not sure (both legs are exercised)</source>
        <translation>Je ne sais pas (les deux sont travaillées)</translation>
    </message>
    <message>
        <source>Both sides equally</source>
        <translation>Les deux côtés autant</translation>
    </message>
    <message>
        <source>Painful side only</source>
        <translation>Seulement le côté douloureux</translation>
    </message>
    <message>
        <source>Painful side first</source>
        <translation>Côté douloureux d’abord</translation>
    </message>
    <message>
        <source>An extra set on the painful side</source>
        <translation>Une série en plus du côté douloureux</translation>
    </message>
    <message>
        <source>Remind me on planned days at</source>
        <translation>Me le rappeler les jours prévus à</translation>
    </message>
    <message>
        <source>StretchGuide then starts at login, in the tray, so reminders come with the window closed. Turning this off removes it from login again.</source>
        <translation>StretchGuide se lance alors à l’ouverture de session, dans la zone de notification, pour que les rappels arrivent fenêtre fermée. Le désactiver le retire du démarrage.</translation>
    </message>
    <message>
        <source> / 10</source>
        <translation> / 10</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Get-ready time in seconds</source>
        <translation>Temps de préparation en secondes</translation>
    </message>
    <message>
        <source>First get-ready of a session in seconds</source>
        <translation>Première préparation d’une séance en secondes</translation>
    </message>
    <message>
        <source>Theme: light, dark or as the system</source>
        <translation>Thème : clair, sombre ou comme le système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Rest between exercises in seconds</source>
        <translation>Repos entre les exercices en secondes</translation>
    </message>
    <message>
        <source>Time to switch sides in seconds</source>
        <translation>Temps pour changer de côté en secondes</translation>
    </message>
    <message>
        <source>Painful side</source>
        <translation>Côté douloureux</translation>
    </message>
    <message>
        <source>Which sides to exercise</source>
        <translation>Quels côtés travailler</translation>
    </message>
    <message>
        <source>Daily reminder</source>
        <translation>Rappel quotidien</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Heure du rappel</translation>
    </message>
    <message>
        <source>Morning check-in reminder time</source>
        <translation>Heure du rappel pour le bilan du matin</translation>
    </message>
    <message>
        <source>Ask the safety questions every</source>
        <translation>Poser les questions de sécurité tous les</translation>
    </message>
    <message>
        <source>Pain after a session that is fine, up to</source>
        <translation>Douleur après une séance qui va, jusqu’à</translation>
    </message>
    <message>
        <source>Pain that is acceptable, up to; above it, ease off</source>
        <translation>Douleur acceptable, jusqu’à ; au-delà, alléger</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <source>&amp;Get ready before each exercise</source>
        <translation>&amp;Préparation avant chaque exercice</translation>
    </message>
    <message>
        <source>F&amp;irst, to get down onto the mat</source>
        <translation>Premi&amp;ère, pour descendre sur le tapis</translation>
    </message>
    <message>
        <source>Which si&amp;des to work</source>
        <translation>C&amp;ôtés à travailler</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Rest</source>
        <translation>&amp;Repos</translation>
    </message>
    <message>
        <source>S&amp;witch sides</source>
        <translation>Changer de &amp;côté</translation>
    </message>
    <message>
        <source>&amp;Painful side</source>
        <translation>Côté &amp;douloureux</translation>
    </message>
    <message>
        <source>&amp;Morning check-in at</source>
        <translation>Bilan du &amp;matin à</translation>
    </message>
    <message>
        <source>Safety &amp;questions every</source>
        <translation>&amp;Questions de sécurité tous les</translation>
    </message>
    <message>
        <source>Pain that is &amp;fine, up to</source>
        <translation>Douleur qui &amp;va, jusqu’à</translation>
    </message>
    <message>
        <source>Pain that is &amp;acceptable, up to</source>
        <translation>Douleur &amp;acceptable, jusqu’à</translation>
    </message>
    <message>
        <source>The safety questions&apos; 7 days and the pain limits 3 and 5 are StretchGuide&apos;s starting numbers, not the articles&apos;. Your physiotherapist can set yours.</source>
        <translation>Les 7 jours des questions de sécurité et les limites de douleur 3 et 5 sont des valeurs de départ de StretchGuide, pas celles des articles. Votre kinésithérapeute peut fixer les vôtres.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideBadge</name>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>LEFT LEG</source>
        <translation>JAMBE GAUCHE</translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation>GAUCHE</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Jambe gauche</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Côté gauche</translation>
    </message>
    <message>
        <source>RIGHT LEG</source>
        <translation>JAMBE DROITE</translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation>DROITE</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Jambe droite</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Côté droit</translation>
    </message>
</context>
<context>
    <name>StreakRow</name>
    <message>
        <source>Streak</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Planned vs done, last 4 weeks: %1 of %2 planned days</source>
        <translation>Jours prévus faits, 4 dernières semaines : %1 sur %2</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>en plus</translation>
    </message>
    <message>
        <source>none yet (a session counts once it runs to its end)</source>
        <translation>pas encore (une séance compte quand elle va jusqu’au bout)</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; planned day kept so far</source>
        <translation>&lt;b&gt;1&lt;/b&gt; jour prévu tenu jusqu’ici</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; planned days kept in a row</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; jours prévus tenus d’affilée</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; day so far</source>
        <translation>&lt;b&gt;1&lt;/b&gt; jour jusqu’ici</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; days in a row</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; jours d’affilée</translation>
    </message>
    <message>
        <source>past the %2-day habit goal</source>
        <translation>au-delà de l’objectif d’habitude de %2 jours</translation>
    </message>
    <message>
        <source>the %2-day habit goal reached</source>
        <translation>objectif d’habitude de %2 jours atteint</translation>
    </message>
    <message>
        <source>1 more planned day to reach the %2-day habit goal</source>
        <translation>encore 1 jour prévu avant l’objectif d’habitude de %2 jours</translation>
    </message>
    <message>
        <source>1 more day to reach the %2-day habit goal</source>
        <translation>encore 1 jour avant l’objectif d’habitude de %2 jours</translation>
    </message>
    <message>
        <source>%3 more planned days to reach the %2-day habit goal</source>
        <translation>encore %3 jours prévus avant l’objectif d’habitude de %2 jours</translation>
    </message>
    <message>
        <source>%3 more days to reach the %2-day habit goal</source>
        <translation>encore %3 jours avant l’objectif d’habitude de %2 jours</translation>
    </message>
    <message>
        <source>Streak: </source>
        <translation>Série : </translation>
    </message>
</context>
<context>
    <name>StreakStrip</name>
    <message>
        <source>Last 21 days</source>
        <translation>21 derniers jours</translation>
    </message>
    <message>
        <source>%1 of the last 21 days had a session</source>
        <translation>%1 des 21 derniers jours ont eu une séance</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Two-week verdict</source>
        <translation>Résultat sur deux semaines</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message numerus="yes">
        <source>You pressed “%1” %n time(s) during this session: %2.</source>
        <translation>
            <numerusform>Vous avez appuyé %n fois sur « %1 » pendant cette séance : %2.</numerusform>
            <numerusform>Vous avez appuyé %n fois sur « %1 » pendant cette séance : %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whatever the numbers say, pain that sharpens or spreads during an exercise is a reason to go gentler with it next time (a shorter hold, less range) or leave it out, and to mention it to your clinician.</source>
        <translation>Quels que soient les chiffres, une douleur qui devient plus vive ou qui s&apos;étend pendant un exercice est une raison de le faire plus doucement la prochaine fois (tenir moins longtemps, moins d&apos;amplitude) ou de l&apos;enlever, et d&apos;en parler à votre médecin ou kinésithérapeute.</translation>
    </message>
</context>
<context>
    <name>VoiceListener</name>
    <message>
        <source>No microphone was found. Voice commands are off; the keys still work.</source>
        <translation>Aucun micro trouvé. Les commandes vocales sont coupées ; les touches marchent toujours.</translation>
    </message>
    <message>
        <source>The microphone records in no sound format this app can read. Voice commands are off; the keys still work.</source>
        <translation>Le micro n’enregistre dans aucun format sonore que cette application sache lire. Les commandes vocales sont coupées ; les touches marchent toujours.</translation>
    </message>
    <message>
        <source>StretchGuide may not use the microphone. To use voice commands, allow it in the system&apos;s privacy settings (Microphone). The keys still work.</source>
        <translation>StretchGuide n’a pas le droit d’utiliser le micro. Pour les commandes vocales, autorisez-le dans les réglages de confidentialité du système (Microphone). Les touches marchent toujours.</translation>
    </message>
    <message>
        <source>The microphone could not be opened (it may be in use, or access was denied). Voice commands are off; the keys still work.</source>
        <translation>Le micro n’a pas pu être ouvert (il est peut-être utilisé, ou l’accès a été refusé). Les commandes vocales sont coupées ; les touches marchent toujours.</translation>
    </message>
    <message>
        <source>Listening with “%1”.</source>
        <translation>Écoute maintenant avec le micro « %1 ».</translation>
    </message>
    <message>
        <source>The microphone stopped working. Voice commands are off; the keys still work.</source>
        <translation>Le micro ne marche plus. Les commandes vocales sont coupées ; les touches marchent toujours.</translation>
    </message>
</context>
<context>
    <name>VoiceRouter</name>
    <message>
        <source>Say “go on” again to carry on.</source>
        <translation>Dites encore « go on » pour continuer.</translation>
    </message>
    <message>
        <source>Already paused</source>
        <translation>Déjà en pause</translation>
    </message>
    <message>
        <source>Already running</source>
        <translation>Déjà en cours</translation>
    </message>
    <message>
        <source>Already muted</source>
        <translation>Son déjà coupé</translation>
    </message>
    <message>
        <source>Sound already on</source>
        <translation>Son déjà activé</translation>
    </message>
    <message>
        <source>Nothing to answer</source>
        <translation>Rien à répondre</translation>
    </message>
    <message>
        <source>Say “this hurts” first</source>
        <translation>Dites d’abord en anglais « this hurts »</translation>
    </message>
    <message>
        <source>The session has ended</source>
        <translation>La séance est terminée</translation>
    </message>
</context>
<context>
    <name>VoiceSection</name>
    <message>
        <source>Say pause, go on, skip, back, ouch, stop, mute or unmute during a session. Listening happens on this computer only: the sound never leaves it and nothing is recorded to disk. The microphone is used only while a session runs or while you test it here.</source>
        <translation>Pendant une séance, dites en anglais : pause, go on, skip, back, ouch, stop, mute ou unmute. L’écoute se fait uniquement sur cet ordinateur : le son n’en sort jamais et rien n’est enregistré. Le micro ne sert que pendant une séance ou quand vous le testez ici.</translation>
    </message>
    <message>
        <source>Voice commands</source>
        <translation>Commandes vocales</translation>
    </message>
    <message>
        <source>Listen for voice commands during a session</source>
        <translation>Écouter les commandes vocales pendant une séance</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>&amp;Microphone</source>
        <translation>&amp;Micro</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Par défaut du système</translation>
    </message>
    <message>
        <source>%1 (not plugged in)</source>
        <translation>%1 (non branché)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>mat</source>
        <translation>tapis</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>chaise</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>mur</translation>
    </message>
    <message>
        <source>strap</source>
        <translation>sangle</translation>
    </message>
    <message>
        <source>band</source>
        <translation>élastique</translation>
    </message>
    <message>
        <source>small ball</source>
        <translation>petite balle</translation>
    </message>
    <message>
        <source>exercise ball</source>
        <translation>ballon de gym</translation>
    </message>
    <message>
        <source>sturdy support</source>
        <translation>appui stable</translation>
    </message>
    <message>
        <source>helper</source>
        <translation>aide</translation>
    </message>
    <message>
        <source>lying on back</source>
        <translation>sur le dos</translation>
    </message>
    <message>
        <source>lying face down</source>
        <translation>sur le ventre</translation>
    </message>
    <message>
        <source>lying on side</source>
        <translation>sur le côté</translation>
    </message>
    <message>
        <source>seated</source>
        <translation>assis</translation>
    </message>
    <message>
        <source>standing</source>
        <translation>debout</translation>
    </message>
    <message>
        <source>hands and knees</source>
        <translation>à quatre pattes</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Foraminal stenosis</source>
        <translation>Sténose foraminale</translation>
    </message>
    <message>
        <source>Disc bulge</source>
        <translation>Protrusion discale</translation>
    </message>
    <message>
        <source>Piriformis syndrome</source>
        <translation>Syndrome du piriforme</translation>
    </message>
    <message>
        <source>Irritated sciatic nerve</source>
        <translation>Nerf sciatique irrité</translation>
    </message>
</context>
<context>
    <name>microphones</name>
    <message>
        <source>This microphone records at %1 kHz, like a telephone (a Bluetooth headset does while its microphone is on), and about one command in three is missed. A built-in or USB microphone hears you better.</source>
        <translation>Ce micro enregistre à %1 kHz, comme un téléphone (c’est le cas d’un casque Bluetooth quand son micro est actif), et environ une commande sur trois est manquée. Un micro intégré ou USB vous entend mieux.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>StretchGuide report</source>
        <translation>Rapport StretchGuide</translation>
    </message>
</context>
<context>
    <name>voice</name>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>On reprend</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Passé</translation>
    </message>
    <message>
        <source>Repeating</source>
        <translation>On recommence</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Ça fait mal</translation>
    </message>
    <message>
        <source>Easing off</source>
        <translation>On allège</translation>
    </message>
    <message>
        <source>Stop?</source>
        <translation>Arrêter ?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Son coupé</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Son activé</translation>
    </message>
</context>
</TS>
