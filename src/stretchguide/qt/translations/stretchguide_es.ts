<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AnimatedFigure</name>
    <message>
        <source>Exercise figure</source>
        <translation>Figura del ejercicio</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>Before you start: how are you right now?</source>
        <translation>Antes de empezar: ¿cómo estás ahora?</translation>
    </message>
    <message>
        <source>After the session: how are you now?</source>
        <translation>Después de la sesión: ¿cómo estás ahora?</translation>
    </message>
    <message>
        <source>Good morning: how did you wake up?</source>
        <translation>Buenos días: ¿cómo te has levantado?</translation>
    </message>
    <message>
        <source>How are you right now?</source>
        <translation>¿Cómo estás ahora?</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutina</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Dolor de espalda</translation>
    </message>
    <message>
        <source>Leg pain</source>
        <translation>Dolor de pierna</translation>
    </message>
    <message>
        <source>How far down the leg do you feel it?</source>
        <translation>¿Hasta dónde baja por la pierna?</translation>
    </message>
    <message>
        <source>Not in the leg</source>
        <translation>No en la pierna</translation>
    </message>
    <message>
        <source>Buttock</source>
        <translation>Glúteo</translation>
    </message>
    <message>
        <source>Thigh</source>
        <translation>Muslo</translation>
    </message>
    <message>
        <source>Below the knee</source>
        <translation>Por debajo de la rodilla</translation>
    </message>
    <message>
        <source>Into the foot</source>
        <translation>Hasta el pie</translation>
    </message>
    <message>
        <source>Symptoms reach: </source>
        <translation>Los síntomas llegan a: </translation>
    </message>
    <message>
        <source>How far down the leg</source>
        <translation>Hasta dónde baja por la pierna</translation>
    </message>
    <message>
        <source>Do you also feel any of these?</source>
        <translation>¿Notas también algo de esto?</translation>
    </message>
    <message>
        <source>&amp;Tingling</source>
        <translation>&amp;Hormigueo</translation>
    </message>
    <message>
        <source>&amp;Numbness</source>
        <translation>&amp;Adormecimiento</translation>
    </message>
    <message>
        <source>&amp;Weakness</source>
        <translation>&amp;Debilidad</translation>
    </message>
    <message>
        <source>Tingling</source>
        <translation>Hormigueo</translation>
    </message>
    <message>
        <source>Numbness</source>
        <translation>Adormecimiento</translation>
    </message>
    <message>
        <source>Weakness</source>
        <translation>Debilidad</translation>
    </message>
    <message>
        <source>Other symptoms</source>
        <translation>Otros síntomas</translation>
    </message>
    <message>
        <source>Before the session</source>
        <translation>Antes de la sesión</translation>
    </message>
    <message>
        <source>Which leg hurts?</source>
        <translation>¿Qué pierna duele?</translation>
    </message>
    <message>
        <source>&amp;Left</source>
        <translation>&amp;Izquierda</translation>
    </message>
    <message>
        <source>&amp;Right</source>
        <translation>&amp;Derecha</translation>
    </message>
    <message>
        <source>Painful leg: </source>
        <translation>Pierna con dolor: </translation>
    </message>
    <message>
        <source>Which leg hurts</source>
        <translation>Qué pierna duele</translation>
    </message>
    <message>
        <source>&amp;Both legs</source>
        <translation>&amp;Ambas piernas</translation>
    </message>
    <message>
        <source>Not s&amp;ure</source>
        <translation>&amp;No lo sé</translation>
    </message>
    <message>
        <source>Exercises for the painful leg are done on this leg. Both legs or not sure: they are done on both legs.</source>
        <translation>Los ejercicios para la pierna con dolor se hacen con esta pierna. Ambas piernas o no lo sabes: se hacen con las dos.</translation>
    </message>
    <message>
        <source>N&amp;ote (optional)</source>
        <translation>N&amp;ota (opcional)</translation>
    </message>
    <message>
        <source>Anything you want to remember or tell your clinician</source>
        <translation>Lo que quieras recordar o contar a tu médico o fisioterapeuta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Form error</source>
        <translation>Error en el formulario</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Consejo</translation>
    </message>
    <message>
        <source>What this is for: your answers stay on this computer. Before and after each session they show whether the exercises calm your symptoms or stir them up; over days they draw your pain trend and the 14-day verdict in History. Pain spreading further down the leg, or new numbness or weakness, is a sign to ease off and talk to a professional.</source>
        <translation>Para qué sirve: tus respuestas se quedan en este ordenador. Antes y después de cada sesión muestran si los ejercicios calman tus síntomas o los empeoran; con los días dibujan tu evolución del dolor y el balance de 14 días en Historial. Si el dolor llega más abajo por la pierna, o aparece adormecimiento o debilidad nuevos, afloja y habla con un profesional.</translation>
    </message>
    <message>
        <source>What the answers are used for</source>
        <translation>Para qué sirven las respuestas</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Omitir</translation>
    </message>
    <message>
        <source>Skip the check-in</source>
        <translation>Omitir el registro</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the check-in</source>
        <translation>Guardar el registro</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Routine:</source>
        <translation>Rutina:</translation>
    </message>
    <message>
        <source>not in the leg</source>
        <translation>no en la pierna</translation>
    </message>
    <message>
        <source>buttock</source>
        <translation>glúteo</translation>
    </message>
    <message>
        <source>thigh</source>
        <translation>muslo</translation>
    </message>
    <message>
        <source>below the knee</source>
        <translation>por debajo de la rodilla</translation>
    </message>
    <message>
        <source>into the foot</source>
        <translation>hasta el pie</translation>
    </message>
    <message>
        <source>tingling</source>
        <translation>hormigueo</translation>
    </message>
    <message>
        <source>numbness</source>
        <translation>adormecimiento</translation>
    </message>
    <message>
        <source>weakness</source>
        <translation>debilidad</translation>
    </message>
    <message>
        <source>Before the session: symptoms reached %1; %2.</source>
        <translation>Antes de la sesión: síntomas hasta %1; %2.</translation>
    </message>
    <message>
        <source>no tingling, numbness or weakness</source>
        <translation>sin hormigueo, adormecimiento ni debilidad</translation>
    </message>
    <message>
        <source>How did each exercise feel?</source>
        <translation>¿Cómo te sentó cada ejercicio?</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Mejor</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Igual</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Peor</translation>
    </message>
    <message>
        <source>Please pick a number for back pain and for leg pain.</source>
        <translation>Elige un número para el dolor de espalda y otro para el de pierna.</translation>
    </message>
    <message>
        <source>Please say how far down the leg you feel it (or &quot;Not in the leg&quot;).</source>
        <translation>Indica hasta dónde lo notas en la pierna (o «No en la pierna»).</translation>
    </message>
    <message>
        <source>Please say which leg hurts (or both, or not sure).</source>
        <translation>Indica qué pierna te duele (o las dos, o que no lo sabes).</translation>
    </message>
</context>
<context>
    <name>ChoiceOverlay</name>
    <message>
        <source>Press %1</source>
        <translation>Pulsa %1</translation>
    </message>
    <message>
        <source>Stop the session (you are asked first)</source>
        <translation>Parar la sesión (tras confirmar)</translation>
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
        <translation>Empezar la rutina de hoy</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar cómo estoy</translation>
    </message>
    <message>
        <source>Open StretchGuide</source>
        <translation>Abrir StretchGuide</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Start today&apos;s routine: %1</source>
        <translation>Empezar la rutina de hoy: %1</translation>
    </message>
    <message>
        <source>The plan could not be saved: %1</source>
        <translation>No se pudo guardar el plan: %1</translation>
    </message>
    <message>
        <source>Ready for a little more?</source>
        <translation>¿Te animas a un poco más?</translation>
    </message>
    <message>
        <source>Go gentler next time?</source>
        <translation>¿Más suave la próxima vez?</translation>
    </message>
    <message>
        <source>Your plan was dated after today, probably because the computer&apos;s clock was ahead. It now starts today.</source>
        <translation>Tu plan tenía una fecha posterior a hoy, seguramente porque el reloj del ordenador iba adelantado. Ahora empieza hoy.</translation>
    </message>
    <message>
        <source>Changes to your plan</source>
        <translation>Cambios en tu plan</translation>
    </message>
    <message>
        <source>StretchGuide suggests these changes for your next session. Untick any you do not want.</source>
        <translation>StretchGuide propone estos cambios para tu próxima sesión. Desmarca los que no quieras.</translation>
    </message>
    <message>
        <source>The plan could not be saved</source>
        <translation>No se pudo guardar el plan</translation>
    </message>
    <message>
        <source>%1 is planned for today.</source>
        <translation>%1 está previsto para hoy.</translation>
    </message>
    <message>
        <source>Pick a routine and take a few minutes for your back.</source>
        <translation>Elige una rutina y dedica unos minutos a tu espalda.</translation>
    </message>
    <message>
        <source>Time for your stretches.</source>
        <translation>Es hora de tus estiramientos.</translation>
    </message>
    <message>
        <source>Time for your stretches</source>
        <translation>Es hora de tus estiramientos</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Empezar ahora</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Buenos días</translation>
    </message>
    <message>
        <source>How is your back after yesterday&apos;s session? A quick check-in helps.</source>
        <translation>¿Qué tal tu espalda después de la sesión de ayer? Un registro rápido ayuda.</translation>
    </message>
</context>
<context>
    <name>CountdownDial</name>
    <message>
        <source>Countdown</source>
        <translation>Cuenta atrás</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>Queda %n segundo</numerusform>
            <numerusform>Quedan %n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CuePlayer</name>
    <message>
        <source>No sound output found: cues are shown on screen only.</source>
        <translation>No hay salida de sonido: las señales solo se ven en pantalla.</translation>
    </message>
    <message>
        <source>Some cue sounds are missing; the voice carries on.</source>
        <translation>Faltan algunos sonidos de aviso; la voz sigue.</translation>
    </message>
    <message>
        <source>The speech engine stopped working: using recorded voice.</source>
        <translation>El motor de voz dejó de funcionar: se usa la voz grabada.</translation>
    </message>
    <message>
        <source>The speech engine stopped working: beeps only.</source>
        <translation>El motor de voz dejó de funcionar: solo pitidos.</translation>
    </message>
</context>
<context>
    <name>FullScreenButton</name>
    <message>
        <source>Leave full screen</source>
        <translation>Salir de pantalla completa</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Pantalla completa</translation>
    </message>
</context>
<context>
    <name>GuidancePage</name>
    <message>
        <source>Activities to limit for now</source>
        <translation>Actividades que limitar por ahora</translation>
    </message>
    <message>
        <source>Ice and heat</source>
        <translation>Frío y calor</translation>
    </message>
    <message>
        <source>Keep moving</source>
        <translation>Sigue en movimiento</translation>
    </message>
    <message>
        <source>How hard to push</source>
        <translation>Hasta dónde forzar</translation>
    </message>
    <message>
        <source>When to see a professional</source>
        <translation>Cuándo ver a un profesional</translation>
    </message>
    <message>
        <source>Living with sciatica</source>
        <translation>Vivir con ciática</translation>
    </message>
    <message>
        <source>Ice: %1-%2 minutes at a time, %3-%4 times a day.</source>
        <translation>Frío: %1-%2 minutos cada vez, %3-%4 veces al día.</translation>
    </message>
    <message>
        <source>Get medical help today if</source>
        <translation>Busca ayuda médica hoy mismo si</translation>
    </message>
    <message>
        <source>See a doctor soon if</source>
        <translation>Ve pronto al médico si</translation>
    </message>
    <message>
        <source>This is general guidance, not medical advice.</source>
        <translation>Son consejos generales, no consejo médico.</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Consejos</translation>
    </message>
</context>
<context>
    <name>HelpsHurtsBox</name>
    <message>
        <source>Exercises that tend to help or hurt</source>
        <translation>Ejercicios que suelen ayudar o perjudicar</translation>
    </message>
    <message>
        <source>How to read this table</source>
        <translation>Cómo leer esta tabla</translation>
    </message>
    <message>
        <source>⚠ hurt: your worse answers and “this hurts” presses outnumber your better answers — consider easing off it or leaving it out, and mention it to your clinician. The next check-in counts are shared by every exercise done in a session: they show what came after, not what caused it.</source>
        <translation>⚠ perjudica: tus respuestas «peor» y las veces que pulsaste «esto duele» superan a las respuestas «mejor»; plantéate aflojar o quitarlo, y coméntalo con tu médico o fisioterapeuta. Los datos del registro siguiente son comunes a todos los ejercicios hechos en una sesión: muestran lo que vino después, no lo que lo causó.</translation>
    </message>
</context>
<context>
    <name>HelpsHurtsModel</name>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Tends to</source>
        <translation>Tiende a</translation>
    </message>
    <message>
        <source>&quot;This
hurts&quot;</source>
        <translation>«Esto
duele»</translation>
    </message>
    <message>
        <source>You said
✓ · = · ⚠</source>
        <translation>Dijiste
✓ · = · ⚠</translation>
    </message>
    <message>
        <source>Next check-in
✓ · = · ⚠</source>
        <translation>Siguiente registro
✓ · = · ⚠</translation>
    </message>
    <message>
        <source>You said: better, the same, worse</source>
        <translation>Dijiste: mejor, igual, peor</translation>
    </message>
    <message>
        <source>Next check-in: better, the same, worse</source>
        <translation>Siguiente registro: mejor, igual, peor</translation>
    </message>
    <message>
        <source>Counts: ✓ better · = the same · ⚠ worse</source>
        <translation>Cifras: ✓ mejor · = igual · ⚠ peor</translation>
    </message>
    <message>
        <source>Hurt: your worse answers and “this hurts” presses outnumber your better answers. Help: your better answers outnumber them.</source>
        <translation>Perjudica: tus respuestas «peor» y tus pulsaciones de «Esto duele» superan a tus respuestas «mejor». Ayuda: tus respuestas «mejor» son más.</translation>
    </message>
    <message>
        <source>Your own answers after each session: better, the same, or worse.</source>
        <translation>Tus propias respuestas tras cada sesión: mejor, igual o peor.</translation>
    </message>
    <message>
        <source>How many times you pressed “this hurts” during this exercise.</source>
        <translation>Cuántas veces pulsaste «Esto duele» durante este ejercicio.</translation>
    </message>
    <message>
        <source>How the next check-in compared with the one before, after sessions in which you did this exercise (skipped or not reached: not counted). Shared by every exercise done in that session: it shows what came after, not what caused it.</source>
        <translation>Cómo fue el siguiente registro frente al anterior, tras las sesiones en las que hiciste este ejercicio (saltado o no alcanzado: no cuenta). Es igual para todos los ejercicios hechos en esa sesión: muestra lo que vino después, no lo que lo causó.</translation>
    </message>
    <message>
        <source>⚠ hurt</source>
        <translation>⚠ perjudica</translation>
    </message>
    <message>
        <source>✓ help</source>
        <translation>✓ ayuda</translation>
    </message>
    <message>
        <source>unclear</source>
        <translation>no está claro</translation>
    </message>
    <message>
        <source>%1 tends to hurt</source>
        <translation>%1 suele perjudicar</translation>
    </message>
    <message>
        <source>%1 tends to help</source>
        <translation>%1 suele ayudar</translation>
    </message>
    <message>
        <source>No clear lean for %1</source>
        <translation>Sin tendencia clara para %1</translation>
    </message>
    <message>
        <source>You said better %1, the same %2, worse %3 times</source>
        <translation>Dijiste mejor %1, igual %2, peor %3 veces</translation>
    </message>
    <message>
        <source>“This hurts” pressed %1 times</source>
        <translation>«Esto duele» pulsado %1 veces</translation>
    </message>
    <message>
        <source>Next check-in better %1, the same %2, worse %3 times</source>
        <translation>Registro siguiente mejor %1, igual %2, peor %3 veces</translation>
    </message>
</context>
<context>
    <name>HistoryExports</name>
    <message>
        <source>Replace the file?</source>
        <translation>¿Reemplazar el archivo?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <source>StretchGuide: pain over time, %1 to %2</source>
        <translation>StretchGuide: dolor en el tiempo, del %1 al %2</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Guardar gráfico</translation>
    </message>
    <message>
        <source>Export data to folder</source>
        <translation>Exportar datos a una carpeta</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Exporting your history...</source>
        <translation>Exportando tu historial…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Guardar informe</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>2 weeks</source>
        <translation>2 semanas</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 meses</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 año</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostrar %1</translation>
    </message>
    <message>
        <source>Value under the pointer</source>
        <translation>Valor bajo el puntero</translation>
    </message>
    <message>
        <source>Save chart (&amp;PNG)</source>
        <translation>Guardar gráfico (&amp;PNG)</translation>
    </message>
    <message>
        <source>Export data (C&amp;SV)</source>
        <translation>Exportar datos (C&amp;SV)</translation>
    </message>
    <message>
        <source>Report for my &amp;clinician (PDF)</source>
        <translation>Informe para mi &amp;médico (PDF)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing here yet&lt;/h2&gt;&lt;p&gt;After your first check-in or session, your back and leg pain will show here, day by day, with a 7-day average so you can see the trend.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aún no hay nada&lt;/h2&gt;&lt;p&gt;Después de tu primer registro o sesión, aquí verás tu dolor de espalda y de pierna día a día, con una media de 7 días para ver la tendencia.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LastResort</name>
    <message>
        <source>Something went wrong, and that action was stopped (%1).</source>
        <translation>Algo ha salido mal y esa acción se ha detenido (%1).</translation>
    </message>
    <message>
        <source>The details are in %1, if someone helps you with it.</source>
        <translation>Los detalles están en %1, por si alguien te ayuda con ello.</translation>
    </message>
</context>
<context>
    <name>ListeningIndicator</name>
    <message>
        <source>Voice commands</source>
        <translation>Órdenes de voz</translation>
    </message>
    <message>
        <source>Heard: %1</source>
        <translation>Oído: %1</translation>
    </message>
    <message>
        <source>No sound from the microphone: muted?</source>
        <translation>El micrófono no da sonido: ¿está silenciado?</translation>
    </message>
    <message>
        <source>Unmute the microphone, or choose another in Settings.</source>
        <translation>Activa el micrófono o elige otro en Ajustes.</translation>
    </message>
    <message>
        <source>Wait: the app is speaking</source>
        <translation>Espera: la app está hablando</translation>
    </message>
    <message>
        <source>Commands are not heard while the app speaks. Say yours when it has finished.</source>
        <translation>Mientras la app habla, no oye las órdenes. Di la tuya cuando haya terminado.</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Escuchando</translation>
    </message>
    <message>
        <source>Say pause, go on, skip, back, ouch, stop, mute or unmute.</source>
        <translation>Di en inglés: pause, go on, skip, back, ouch, stop, mute o unmute.</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>No escucha</translation>
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
        <translation>Navegación</translation>
    </message>
    <message>
        <source>&amp;Routines</source>
        <translation>&amp;Rutinas</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>&amp;Guidance</source>
        <translation>C&amp;onsejos</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>Re&amp;gistrar cómo estoy</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Ajustes</translation>
    </message>
    <message>
        <source>Safety &amp;questions</source>
        <translation>&amp;Preguntas de seguridad</translation>
    </message>
    <message>
        <source>&amp;Print / Save as PDF</source>
        <translation>Imprimir / guardar como PD&amp;F</translation>
    </message>
    <message>
        <source>Plan to &amp;calendar</source>
        <translation>Plan al &amp;calendario</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Abrir al iniciar sesión</translation>
    </message>
    <message>
        <source>StretchGuide will start in the tray at login (%1).</source>
        <translation>StretchGuide se abrirá en la bandeja al iniciar sesión (%1).</translation>
    </message>
    <message>
        <source>StretchGuide no longer starts at login (%1 removed).</source>
        <translation>StretchGuide ya no se abre al iniciar sesión (%1 eliminado).</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Esto duele</translation>
    </message>
    <message>
        <source>The session is paused. Sharp or growing pain means stop.</source>
        <translation>La sesión está en pausa. Un dolor agudo o que aumenta significa parar.</translation>
    </message>
    <message>
        <source>Or say “ease off”, “skip”, “go on” or “stop”.</source>
        <translation>O di en inglés «ease off», «skip», «go on» o «stop».</translation>
    </message>
    <message>
        <source>Or say “skip”, “go on” or “stop”.</source>
        <translation>O di en inglés «skip», «go on» o «stop».</translation>
    </message>
    <message>
        <source>Ease off: shorter holds from here</source>
        <translation>Aflojar: mantener menos tiempo desde ahora</translation>
    </message>
    <message>
        <source>Skip this exercise</source>
        <translation>Saltar este ejercicio</translation>
    </message>
    <message>
        <source>Carry on</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Terminar la sesión</translation>
    </message>
    <message>
        <source>No, back to the choices</source>
        <translation>No, volver a las opciones</translation>
    </message>
</context>
<context>
    <name>MicrophoneTest</name>
    <message>
        <source>Say each command from where you will lie. A tick means it was heard in your voice and room. Not ticked after a few tries: say its other word, or bring the microphone nearer. In a session, the H key always does “this hurts”.</source>
        <translation>Di cada orden desde donde te vas a tumbar. Una marca quiere decir que se oyó con tu voz y en tu habitación. Sin marca tras unos intentos: di su otra palabra o acerca el micrófono. En una sesión, la tecla H siempre hace «Esto duele».</translation>
    </message>
    <message>
        <source>Heard you, but no command: say the command on its own, or its other word.</source>
        <translation>Te he oído, pero no es una orden: di la orden sola o su otra palabra.</translation>
    </message>
    <message>
        <source>%1: heard</source>
        <translation>%1: oída</translation>
    </message>
    <message>
        <source>%1: not heard yet</source>
        <translation>%1: aún no oída</translation>
    </message>
    <message>
        <source>Test your microphone</source>
        <translation>Probar el micrófono</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
    <message>
        <source>Last command: none yet</source>
        <translation>Última orden: ninguna aún</translation>
    </message>
    <message>
        <source>Last command heard</source>
        <translation>Última orden oída</translation>
    </message>
    <message>
        <source>Loading the speech engine…</source>
        <translation>Cargando el reconocimiento de voz…</translation>
    </message>
    <message>
        <source>Listening: say a command.</source>
        <translation>Escuchando: di una orden.</translation>
    </message>
    <message>
        <source>The microphone gives no sound at all: is it muted, or switched off?</source>
        <translation>El micrófono no da ningún sonido: ¿está silenciado o apagado?</translation>
    </message>
    <message>
        <source>Last command: “%1” (%2)</source>
        <translation>Última orden: «%1» (%2)</translation>
    </message>
</context>
<context>
    <name>NavOverflow</name>
    <message>
        <source>More ▾</source>
        <translation>Más ▾</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Más acciones</translation>
    </message>
    <message>
        <source>The actions that do not fit on this bar</source>
        <translation>Las acciones que no caben en esta barra</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Click: %1</source>
        <translation>Clic: %1</translation>
    </message>
</context>
<context>
    <name>OffersDialog</name>
    <message>
        <source>Change my plan</source>
        <translation>Cambiar mi plan</translation>
    </message>
    <message>
        <source>Keep my plan as it is</source>
        <translation>Dejar mi plan como está</translation>
    </message>
</context>
<context>
    <name>PainChart</name>
    <message>
        <source>Pain chart</source>
        <translation>Gráfico del dolor</translation>
    </message>
    <message>
        <source>Pain (0-10)</source>
        <translation>Dolor (0-10)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Back pain</source>
        <translation>Dolor de espalda</translation>
    </message>
    <message>
        <source>Leg pain</source>
        <translation>Dolor de pierna</translation>
    </message>
    <message>
        <source>Back, 7-day average</source>
        <translation>Espalda, media de 7 días</translation>
    </message>
    <message>
        <source>Leg, 7-day average</source>
        <translation>Pierna, media de 7 días</translation>
    </message>
    <message>
        <source>Session: before → after</source>
        <translation>Sesión: antes → después</translation>
    </message>
    <message>
        <source>%1: back %2, leg %3 (day&apos;s average)</source>
        <translation>%1: espalda %2, pierna %3 (media del día)</translation>
    </message>
</context>
<context>
    <name>PainScale</name>
    <message>
        <source>%1: %2 out of 10</source>
        <translation>%1: %2 de 10</translation>
    </message>
    <message>
        <source>0 = no pain</source>
        <translation>0 = sin dolor</translation>
    </message>
    <message>
        <source>10 = worst pain imaginable</source>
        <translation>10 = el peor dolor imaginable</translation>
    </message>
    <message>
        <source>(before the session: %1)</source>
        <translation>(antes de la sesión: %1)</translation>
    </message>
</context>
<context>
    <name>PendingWrites</name>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet: the disk is full. Nothing is lost: they are kept and StretchGuide tries again every few seconds. Please free some disk space.</source>
        <translation>
            <numerusform>%n registro no se ha podido guardar aún: el disco está lleno. No se pierde nada: se conserva y StretchGuide lo vuelve a intentar cada pocos segundos. Libera algo de espacio en el disco.</numerusform>
            <numerusform>%n registros no se han podido guardar aún: el disco está lleno. No se pierde nada: se conservan y StretchGuide lo vuelve a intentar cada pocos segundos. Libera algo de espacio en el disco.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet: another program is using your history. Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation>
            <numerusform>%n registro no se ha podido guardar aún: otro programa está usando tu historial. No se pierde nada: se conserva y StretchGuide lo vuelve a intentar cada pocos segundos.</numerusform>
            <numerusform>%n registros no se han podido guardar aún: otro programa está usando tu historial. No se pierde nada: se conservan y StretchGuide lo vuelve a intentar cada pocos segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet (the disk may be full, or another program is using your history). Nothing is lost: they are kept and StretchGuide tries again every few seconds.</source>
        <translation>
            <numerusform>%n registro no se ha podido guardar aún (puede que el disco esté lleno o que otro programa use tu historial). No se pierde nada: se conserva y StretchGuide lo vuelve a intentar cada pocos segundos.</numerusform>
            <numerusform>%n registros no se han podido guardar aún (puede que el disco esté lleno o que otro programa use tu historial). No se pierde nada: se conservan y StretchGuide lo vuelve a intentar cada pocos segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is saved now.</source>
        <translation>Ya está todo guardado.</translation>
    </message>
</context>
<context>
    <name>PlanActions</name>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Choose a routine in the list first.</source>
        <translation>Elige primero una rutina de la lista.</translation>
    </message>
    <message>
        <source>Save the routine as PDF</source>
        <translation>Guardar la rutina como PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved</source>
        <translation>No se pudo guardar el PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 guardado</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Open the PDF to print it?</source>
        <translation>¿Abrir el PDF para imprimirlo?</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Export the plan</source>
        <translation>Exportar el plan</translation>
    </message>
    <message>
        <source>Stretches: %1</source>
        <translation>Estiramientos: %1</translation>
    </message>
    <message>
        <source>The calendar could not be saved</source>
        <translation>No se pudo guardar el calendario</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Your settings cannot be saved: StretchGuide is not allowed to write to %1. Changes you make now apply until you close StretchGuide, but are not kept.</source>
        <translation>No se pueden guardar tus ajustes: StretchGuide no tiene permiso para escribir en %1. Lo que cambies ahora vale hasta que cierres StretchGuide, pero no se conserva.</translation>
    </message>
    <message>
        <source>Your settings file was not a plain file (perhaps a folder or a pipe). It was moved aside as %1; your settings start again from their defaults.</source>
        <translation>Tu archivo de ajustes no era un archivo normal (quizá una carpeta o una tubería). Se ha apartado como %1; tus ajustes vuelven a empezar con los valores predeterminados.</translation>
    </message>
    <message>
        <source>Your settings file had a value StretchGuide cannot read. The file was kept as %1; your other settings are kept.</source>
        <translation>Tu archivo de ajustes tenía un valor que StretchGuide no puede leer. El archivo se guardó como %1; el resto de tus ajustes se conserva.</translation>
    </message>
    <message>
        <source>Another program changed your settings file, and StretchGuide cannot read it now. That file was kept as %1; your settings are as they were before.</source>
        <translation>Otro programa ha cambiado tu archivo de ajustes y ahora StretchGuide no puede leerlo. Ese archivo se guardó como %1; tus ajustes siguen como estaban.</translation>
    </message>
    <message>
        <source>Your settings file could not be read. It was kept as %1; settings that could not be read from it are back to their defaults.</source>
        <translation>No se pudo leer tu archivo de ajustes. Se guardó como %1; los ajustes que no se pudieron leer de él vuelven a sus valores predeterminados.</translation>
    </message>
    <message>
        <source>What is wrong with it: %1.</source>
        <translation>Qué le pasa: %1.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Ver en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>ReadFirst</name>
    <message>
        <source>Please read the advice first: this works in a moment.</source>
        <translation>Lee primero el consejo: este botón funciona en un momento.</translation>
    </message>
</context>
<context>
    <name>RoutineDetails</name>
    <message>
        <source>Time</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <source>You need</source>
        <translation>Necesitas</translation>
    </message>
    <message>
        <source>unknown exercise</source>
        <translation>ejercicio desconocido</translation>
    </message>
    <message>
        <source>Routine details</source>
        <translation>Detalles de la rutina</translation>
    </message>
    <message>
        <source>Pick a routine on the left to see its exercises.</source>
        <translation>Elige una rutina a la izquierda para ver sus ejercicios.</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Quitar filtros</translation>
    </message>
    <message>
        <source>Clear filters and show every routine</source>
        <translation>Quitar los filtros y mostrar todas las rutinas</translation>
    </message>
    <message>
        <source>&amp;New routine</source>
        <translation>&amp;Nueva rutina</translation>
    </message>
    <message>
        <source>Create a new routine</source>
        <translation>Crear una rutina nueva</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Edit or copy this routine</source>
        <translation>Editar o copiar esta rutina</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>Delete this routine of yours</source>
        <translation>Borrar esta rutina tuya</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Empezar</translation>
    </message>
    <message>
        <source>Start this routine</source>
        <translation>Empezar esta rutina</translation>
    </message>
    <message>
        <source>&amp;Copy and edit</source>
        <translation>&amp;Copiar y editar</translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation>Ninguna rutina coincide</translation>
    </message>
    <message>
        <source>No routine fits all the filters you chose.</source>
        <translation>Ninguna rutina cumple todos los filtros elegidos.</translation>
    </message>
</context>
<context>
    <name>RoutineEditor</name>
    <message>
        <source>Edit routine</source>
        <translation>Editar rutina</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Nueva rutina</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Nombre de la rutina</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Con qué frecuencia</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Sesiones por semana</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Descripción</translation>
    </message>
    <message>
        <source>How &amp;often</source>
        <translation>&amp;Frecuencia</translation>
    </message>
    <message>
        <source>Sessions a &amp;week</source>
        <translation>Sesiones por &amp;semana</translation>
    </message>
    <message>
        <source>Exercises in this routine</source>
        <translation>Ejercicios de esta rutina</translation>
    </message>
    <message>
        <source>Exercise to add</source>
        <translation>Ejercicio que añadir</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Ba&amp;jar</translation>
    </message>
    <message>
        <source>Dose of the selected exercise</source>
        <translation>Dosis del ejercicio elegido</translation>
    </message>
    <message>
        <source>Hold in seconds</source>
        <translation>Mantener, en segundos</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Repeticiones</translation>
    </message>
    <message>
        <source>Seconds per repetition</source>
        <translation>Segundos por repetición</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>Lados</translation>
    </message>
    <message>
        <source>Both legs together</source>
        <translation>Las dos piernas a la vez</translation>
    </message>
    <message>
        <source>Each side in turn</source>
        <translation>Cada lado por turno</translation>
    </message>
    <message>
        <source>Alternate sides</source>
        <translation>Alternar lados</translation>
    </message>
    <message>
        <source>Painful side only</source>
        <translation>Solo el lado con dolor</translation>
    </message>
    <message>
        <source>Rest between sets in seconds</source>
        <translation>Descanso entre series en segundos</translation>
    </message>
    <message>
        <source>&amp;Hold, seconds</source>
        <translation>&amp;Mantener, segundos</translation>
    </message>
    <message>
        <source>Re&amp;petitions</source>
        <translation>Re&amp;peticiones</translation>
    </message>
    <message>
        <source>Seconds per re&amp;p</source>
        <translation>Segundos por re&amp;petición</translation>
    </message>
    <message>
        <source>S&amp;ets</source>
        <translation>S&amp;eries</translation>
    </message>
    <message>
        <source>Si&amp;des</source>
        <translation>La&amp;dos</translation>
    </message>
    <message>
        <source>Res&amp;t between sets, seconds</source>
        <translation>Descanso en&amp;tre series, segundos</translation>
    </message>
    <message>
        <source>Problem with this routine</source>
        <translation>Problema con esta rutina</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Once a day</source>
        <translation>Una vez al día</translation>
    </message>
    <message>
        <source>My %1</source>
        <translation>Mi %1</translation>
    </message>
    <message>
        <source>Expected %1</source>
        <translation>Se esperaba %1</translation>
    </message>
    <message>
        <source>, got %1</source>
        <translation>, se recibió %1</translation>
    </message>
    <message>
        <source>Please give the routine a name.</source>
        <translation>Ponle un nombre a la rutina.</translation>
    </message>
    <message>
        <source>The name holds characters that do not show (such as a direction mark or a zero-width space). Please type it without them.</source>
        <translation>El nombre tiene caracteres que no se ven (como una marca de dirección o un espacio de ancho cero). Escríbelo sin ellos.</translation>
    </message>
    <message>
        <source>Exercise %1, %2: </source>
        <translation>Ejercicio %1, %2: </translation>
    </message>
    <message>
        <source>Add at least one exercise.</source>
        <translation>Añade al menos un ejercicio.</translation>
    </message>
    <message numerus="yes">
        <source>A routine holds at most %n exercises. Please remove some.</source>
        <translation>
            <numerusform>Una rutina tiene como máximo %n ejercicio. Quita algunos.</numerusform>
            <numerusform>Una rutina tiene como máximo %n ejercicios. Quita algunos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>¿Descartar tus cambios?</translation>
    </message>
    <message>
        <source>Your changes to this routine are not saved. Close without saving them?</source>
        <translation>Los cambios en esta rutina no están guardados. ¿Cerrar sin guardarlos?</translation>
    </message>
    <message>
        <source>Not saved: %1 is a link that leads to no file. Nothing was written; fix or remove the link and save again.</source>
        <translation>No se ha guardado: %1 es un enlace que no lleva a ningún archivo. No se ha escrito nada; arregla o quita el enlace y vuelve a guardar.</translation>
    </message>
    <message>
        <source>Not saved: %1 is a link to %2, which is not a file of yours. StretchGuide writes through a link only into a file you own; nothing was written.</source>
        <translation>No se ha guardado: %1 es un enlace a %2, que no es un archivo tuyo. StretchGuide solo escribe a través de un enlace en un archivo que te pertenece; no se ha escrito nada.</translation>
    </message>
    <message>
        <source>Not saved: %1 could not be written (%2).</source>
        <translation>No se ha guardado: no se pudo escribir %1 (%2).</translation>
    </message>
    <message>
        <source>There is already a routine called “%1”. Please pick another name.</source>
        <translation>Ya hay una rutina llamada «%1». Elige otro nombre.</translation>
    </message>
</context>
<context>
    <name>RoutineListModel</name>
    <message numerus="yes">
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n ejercicio</numerusform>
            <numerusform>%n ejercicios</numerusform>
        </translation>
    </message>
    <message>
        <source>no floor work</source>
        <translation>sin suelo</translation>
    </message>
    <message>
        <source>my routine</source>
        <translation>mi rutina</translation>
    </message>
    <message>
        <source>start here: beginners and flare-ups</source>
        <translation>Empieza aquí: principiantes y brotes</translation>
    </message>
</context>
<context>
    <name>RoutinesPage</name>
    <message>
        <source>1 routine file could not be loaded: </source>
        <translation>No se pudo cargar 1 archivo de rutina: </translation>
    </message>
    <message>
        <source>%1 routine files could not be loaded: </source>
        <translation>No se pudieron cargar %1 archivos de rutina: </translation>
    </message>
    <message>
        <source>Filter by cause</source>
        <translation>Filtrar por causa</translation>
    </message>
    <message>
        <source>Any cause</source>
        <translation>Cualquier causa</translation>
    </message>
    <message>
        <source>Filter by position</source>
        <translation>Filtrar por postura</translation>
    </message>
    <message>
        <source>Any position</source>
        <translation>Cualquier postura</translation>
    </message>
    <message>
        <source>No &amp;floor work</source>
        <translation>Sin ejercicios en el &amp;suelo</translation>
    </message>
    <message>
        <source>Only routines without floor work</source>
        <translation>Solo rutinas sin ejercicios en el suelo</translation>
    </message>
    <message>
        <source>Equipment I have ▾</source>
        <translation>Mi material ▾</translation>
    </message>
    <message>
        <source>Choose the equipment you have</source>
        <translation>Elige el material que tienes</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Rutinas</translation>
    </message>
    <message>
        <source>Loading routines…</source>
        <translation>Cargando rutinas…</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Causa:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Postura:</translation>
    </message>
    <message>
        <source>Delete this routine?</source>
        <translation>¿Borrar esta rutina?</translation>
    </message>
    <message>
        <source>Delete “%1”? Its file is removed; your history keeps past sessions.</source>
        <translation>¿Borrar «%1»? Se elimina su archivo; tu historial conserva las sesiones pasadas.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>No se ha borrado</translation>
    </message>
    <message>
        <source>“%1” was changed by another program while StretchGuide was open, so it was not deleted. The list now shows the new version from %2.</source>
        <translation>Otro programa cambió «%1» mientras StretchGuide estaba abierto, así que no se ha borrado. La lista muestra ahora la versión nueva de %2.</translation>
    </message>
    <message>
        <source>%1 could not be removed (%2).</source>
        <translation>No se pudo quitar %1 (%2).</translation>
    </message>
    <message>
        <source>Could not delete the routine</source>
        <translation>No se pudo borrar la rutina</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>«%1» borrada.</translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation>Ninguna rutina coincide</translation>
    </message>
    <message>
        <source>Saved as a new routine</source>
        <translation>Guardada como rutina nueva</translation>
    </message>
    <message>
        <source>The file of “%1” was changed by another program while StretchGuide was open. It was left as it is, and your changes were saved as a routine of their own: both are in the list.</source>
        <translation>Otro programa cambió el archivo de «%1» mientras StretchGuide estaba abierto. Se ha quedado como estaba, y tus cambios se han guardado como una rutina aparte: las dos están en la lista.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>«%1» guardada.</translation>
    </message>
</context>
<context>
    <name>SafetyGate</name>
    <message>
        <source>StretchGuide offers general guidance on stretches that many people with sciatica find helpful. It is not medical advice and it cannot examine you. If you are unsure whether these exercises suit you, ask a doctor or physiotherapist first. Stop any exercise that causes sharp or increasing pain.</source>
        <translation>StretchGuide ofrece consejos generales sobre estiramientos que ayudan a muchas personas con ciática. No es consejo médico y no puede examinarte. Si no sabes si estos ejercicios te convienen, pregunta antes a un médico o fisioterapeuta. Deja cualquier ejercicio que cause un dolor agudo o que aumente.</translation>
    </message>
    <message>
        <source>Before you begin</source>
        <translation>Antes de empezar</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Which leg hurts?</source>
        <translation>¿Qué pierna duele?</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>Ambas piernas</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>No lo sé</translation>
    </message>
    <message>
        <source>Painful leg: </source>
        <translation>Pierna con dolor: </translation>
    </message>
    <message>
        <source>Which leg hurts</source>
        <translation>Qué pierna duele</translation>
    </message>
    <message>
        <source>You can leave this for now: StretchGuide asks before a session that needs it.</source>
        <translation>Puedes dejarlo para más tarde: StretchGuide lo pregunta antes de una sesión que lo necesite.</translation>
    </message>
    <message>
        <source>I &amp;understand</source>
        <translation>&amp;Entendido</translation>
    </message>
    <message>
        <source>I understand the disclaimer</source>
        <translation>He entendido el aviso</translation>
    </message>
    <message>
        <source>A few safety questions</source>
        <translation>Unas preguntas de seguridad</translation>
    </message>
    <message>
        <source>Some signs mean exercises are not the right thing today. Please answer each question.</source>
        <translation>Algunas señales indican que hoy no conviene hacer ejercicios. Responde a cada pregunta.</translation>
    </message>
    <message>
        <source>You said both legs hurt. If it is sciatica in both (pain, tingling or numbness down each leg), answer Yes to the first question.</source>
        <translation>Has dicho que te duelen las dos piernas. Si es ciática en ambas (dolor, hormigueo o adormecimiento que baja por cada pierna), responde Sí a la primera pregunta.</translation>
    </message>
    <message>
        <source>Asked now because of your check-in: new numbness or weakness, or pain in both legs, can come with the signs below. Please read each one.</source>
        <translation>Te lo preguntamos ahora por tu registro: un adormecimiento o una debilidad nuevos, o dolor en las dos piernas, pueden venir con las señales de abajo. Lee cada pregunta.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>&amp;None of these</source>
        <translation>&amp;Ninguna de estas</translation>
    </message>
    <message>
        <source>Answer no to every question</source>
        <translation>Responder no a todas las preguntas</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Check my answers</source>
        <translation>Comprobar mis respuestas</translation>
    </message>
    <message>
        <source>Safety result</source>
        <translation>Resultado de seguridad</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>Continue with the &amp;exercises</source>
        <translation>Seguir con los &amp;ejercicios</translation>
    </message>
    <message>
        <source>Continue with the exercises</source>
        <translation>Seguir con los ejercicios</translation>
    </message>
    <message>
        <source>Please answer every question.</source>
        <translation>Responde a todas las preguntas.</translation>
    </message>
    <message>
        <source>Seek urgent medical help</source>
        <translation>Busca ayuda médica urgente</translation>
    </message>
    <message>
        <source>Please see a doctor soon</source>
        <translation>Ve pronto al médico</translation>
    </message>
    <message>
        <source>You answered yes to:</source>
        <translation>Respondiste sí a:</translation>
    </message>
    <message>
        <source>&amp;Stop for today</source>
        <translation>&amp;Parar por hoy</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>That is not a plain file (perhaps a device). Choose another name.</source>
        <translation>Eso no es un archivo normal (quizá un dispositivo). Elige otro nombre.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again; nothing was replaced.</source>
        <translation>El disco está lleno. Libera algo de espacio y vuelve a intentarlo; no se ha reemplazado nada.</translation>
    </message>
    <message>
        <source>You may not write there. Choose another folder.</source>
        <translation>No tienes permiso para escribir ahí. Elige otra carpeta.</translation>
    </message>
    <message>
        <source>That is a folder. Give a file name.</source>
        <translation>Eso es una carpeta. Escribe un nombre de archivo.</translation>
    </message>
    <message>
        <source>The name is too long for this disk. Choose a shorter one.</source>
        <translation>El nombre es demasiado largo para este disco. Elige uno más corto.</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>Esa carpeta no existe.</translation>
    </message>
    <message>
        <source>Part of that path is a file, not a folder.</source>
        <translation>Una parte de esa ruta es un archivo, no una carpeta.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>A guided stretching session is running</source>
        <translation>Hay una sesión de estiramientos en marcha</translation>
    </message>
    <message>
        <source>Paused: the computer&apos;s clock changed, so the session is paused where you were. Press Space when you are ready.</source>
        <translation>En pausa: el reloj del ordenador ha cambiado, así que la sesión se ha detenido donde estabas. Pulsa Espacio cuando quieras seguir.</translation>
    </message>
    <message>
        <source>Paused: the computer was asleep or busy for %1. Press Space when you are ready.</source>
        <translation>En pausa: el ordenador estuvo en reposo u ocupado durante %1. Pulsa Espacio cuando quieras seguir.</translation>
    </message>
    <message>
        <source>Paused. Press Space or Resume to carry on.</source>
        <translation>En pausa. Pulsa Espacio o «Reanudar» para seguir.</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Sonido desactivado</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Sonido activado</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <source>StretchGuide cannot open your history</source>
        <translation>StretchGuide no puede abrir tu historial</translation>
    </message>
    <message>
        <source>Your history could not be read</source>
        <translation>No se pudo leer tu historial</translation>
    </message>
    <message>
        <source>Restore the newest backup now?</source>
        <translation>¿Restaurar ahora la copia de seguridad más reciente?</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Error al restaurar</translation>
    </message>
    <message>
        <source>Unfinished session</source>
        <translation>Sesión sin terminar</translation>
    </message>
    <message>
        <source>A session did not finish last time (perhaps the computer stopped). Keep what was done as a partial session?</source>
        <translation>Una sesión no terminó la última vez (quizá se apagó el ordenador). ¿Guardar lo hecho como sesión parcial?</translation>
    </message>
    <message>
        <source>%1 sessions did not finish last time (perhaps the computer stopped). Keep what was done as partial sessions?</source>
        <translation>%1 sesiones no terminaron la última vez (quizá se apagó el ordenador). ¿Guardar lo hecho como sesiones parciales?</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Buenos días</translation>
    </message>
    <message>
        <source>How are you after yesterday&apos;s session? A quick check-in helps tell whether the exercises suit you.</source>
        <translation>¿Cómo estás después de la sesión de ayer? Un registro rápido ayuda a saber si los ejercicios te sientan bien.</translation>
    </message>
    <message>
        <source>Seen by a doctor?</source>
        <translation>¿Te ha visto un médico?</translation>
    </message>
    <message>
        <source>Please get medical help first</source>
        <translation>Busca primero ayuda médica</translation>
    </message>
    <message>
        <source>No session was started. Please get medical help first.</source>
        <translation>No se ha empezado ninguna sesión. Busca primero ayuda médica.</translation>
    </message>
    <message>
        <source>Saved. Thank you.</source>
        <translation>Guardado. Gracias.</translation>
    </message>
    <message>
        <source>Please keep StretchGuide open until it says everything is saved: what is not saved is lost when it closes.</source>
        <translation>Deja StretchGuide abierto hasta que diga que todo está guardado: lo que no esté guardado se pierde al cerrarlo.</translation>
    </message>
    <message>
        <source>Pain in both legs can be a sign that needs urgent medical help. Please answer the safety questions now.</source>
        <translation>El dolor en las dos piernas puede ser una señal que necesita atención médica urgente. Responde ahora a las preguntas de seguridad.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on your left leg.</source>
        <translation>A partir de ahora, los ejercicios para la pierna con dolor se hacen con tu pierna izquierda.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on your right leg.</source>
        <translation>A partir de ahora, los ejercicios para la pierna con dolor se hacen con tu pierna derecha.</translation>
    </message>
    <message>
        <source>From now on, exercises for the painful leg are done on both legs.</source>
        <translation>A partir de ahora, los ejercicios para la pierna con dolor se hacen con las dos piernas.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Aún no guardado</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) of this session could not be saved yet. They are kept while StretchGuide is open and saved as soon as the disk has room or your history is free. Try again now?</source>
        <translation>
            <numerusform>%n registro de esta sesión no se ha podido guardar aún. Se conserva mientras StretchGuide esté abierto y se guarda en cuanto el disco tenga espacio o tu historial quede libre. ¿Intentarlo de nuevo ahora?</numerusform>
            <numerusform>%n registros de esta sesión no se han podido guardar aún. Se conservan mientras StretchGuide esté abierto y se guardan en cuanto el disco tenga espacio o tu historial quede libre. ¿Intentarlo de nuevo ahora?</numerusform>
        </translation>
    </message>
    <message>
        <source>Still not possible. StretchGuide keeps the records and tries again every few seconds while it is open; please free some disk space or close other programs that use your history.</source>
        <translation>Sigue sin ser posible. StretchGuide conserva los registros y lo vuelve a intentar cada pocos segundos mientras esté abierto; libera algo de espacio en el disco o cierra otros programas que usen tu historial.</translation>
    </message>
    <message>
        <source>Check-in not saved</source>
        <translation>Registro sin guardar</translation>
    </message>
    <message>
        <source>Your check-in answers are not saved. Close anyway?</source>
        <translation>Tus respuestas del registro no están guardadas. ¿Cerrar de todos modos?</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be saved yet. If StretchGuide closes now, they are lost. Close anyway?</source>
        <translation>
            <numerusform>%n registro no se ha podido guardar aún. Si StretchGuide se cierra ahora, se pierde. ¿Cerrar de todos modos?</numerusform>
            <numerusform>%n registros no se han podido guardar aún. Si StretchGuide se cierra ahora, se pierden. ¿Cerrar de todos modos?</numerusform>
        </translation>
    </message>
    <message>
        <source>The session is paused. The holds are already shorter: if it still hurts, skip this exercise or end the session.</source>
        <translation>La sesión está en pausa. Ya mantienes menos tiempo: si sigue doliendo, salta este ejercicio o termina la sesión.</translation>
    </message>
    <message>
        <source>The session is paused. This exercise has hurt before in this session: skip it, or end the session.</source>
        <translation>La sesión está en pausa. Este ejercicio ya te ha dolido en esta sesión: sáltalo o termina la sesión.</translation>
    </message>
    <message>
        <source>Eased off: holds are shorter from here on.</source>
        <translation>Aflojado: desde ahora se mantiene menos tiempo.</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Instrucción</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Precaución</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>Repetición</translation>
    </message>
    <message>
        <source>Next up</source>
        <translation>A continuación</translation>
    </message>
    <message>
        <source>Session progress</source>
        <translation>Progreso de la sesión</translation>
    </message>
    <message>
        <source>Time left in the session</source>
        <translation>Tiempo que queda de sesión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Esto duele</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>Activar o salir de pantalla completa</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Or say “yes” or “no”.</source>
        <translation>O di en inglés «yes» o «no».</translation>
    </message>
    <message>
        <source>Stop the session?</source>
        <translation>¿Parar la sesión?</translation>
    </message>
    <message>
        <source>The session is paused. What you have done so far is kept.</source>
        <translation>La sesión está en pausa. Lo que has hecho hasta ahora se guarda.</translation>
    </message>
    <message>
        <source>Yes, end the session</source>
        <translation>Sí, terminar la sesión</translation>
    </message>
    <message>
        <source>No, carry on</source>
        <translation>No, seguir</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Prepárate</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Mantén</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Muévete</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Cambia de lado</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Descansa</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Parada</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>A continuación: %1</translation>
    </message>
    <message>
        <source>Relax and breathe.</source>
        <translation>Relájate y respira.</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Sonido desactivado</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>EN PAUSA</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>Pausar o reanudar</translation>
    </message>
    <message>
        <source>Repeat this step</source>
        <translation>Repetir este paso</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Mute or unmute</source>
        <translation>Silenciar o activar el sonido</translation>
    </message>
    <message>
        <source>Stop the session</source>
        <translation>Parar la sesión</translation>
    </message>
    <message>
        <source>breath %1 of %2</source>
        <translation>respiración %1 de %2</translation>
    </message>
    <message>
        <source>set %1 of %2</source>
        <translation>serie %1 de %2</translation>
    </message>
    <message>
        <source>Rest first, then this one</source>
        <translation>Primero descansa, luego este ejercicio</translation>
    </message>
    <message>
        <source>Last exercise</source>
        <translation>Último ejercicio</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>quedan %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Activar sonido</translation>
    </message>
    <message>
        <source>SOUND OFF</source>
        <translation>SIN SONIDO</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Spoken guidance</source>
        <translation>Guía hablada</translation>
    </message>
    <message>
        <source>Cue sounds</source>
        <translation>Sonidos de aviso</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Full screen during a session</source>
        <translation>Pantalla completa durante la sesión</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Como el sistema (%1)</translation>
    </message>
    <message>
        <source>StretchGuide speaks the new language after a restart.</source>
        <translation>StretchGuide usará el nuevo idioma tras reiniciarse.</translation>
    </message>
    <message>
        <source>Not said yet (ask before a session)</source>
        <translation>Aún sin indicar (preguntar antes de una sesión)</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Pierna izquierda</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Pierna derecha</translation>
    </message>
    <message>
        <source>Both legs (both legs are exercised)</source>
        <translation>Ambas piernas (se ejercitan las dos)</translation>
    </message>
    <message>
        <source>Not sure (both legs are exercised)</source>
        <translation>No lo sé (se ejercitan las dos)</translation>
    </message>
    <message>
        <source>Both sides equally</source>
        <translation>Los dos lados por igual</translation>
    </message>
    <message>
        <source>Painful side only</source>
        <translation>Solo el lado con dolor</translation>
    </message>
    <message>
        <source>Painful side first</source>
        <translation>Primero el lado con dolor</translation>
    </message>
    <message>
        <source>An extra set on the painful side</source>
        <translation>Una serie extra en el lado con dolor</translation>
    </message>
    <message>
        <source>Remind me on planned days at</source>
        <translation>Avisarme los días previstos a las</translation>
    </message>
    <message>
        <source>StretchGuide then starts at login, in the tray, so reminders come with the window closed. Turning this off removes it from login again.</source>
        <translation>StretchGuide se abrirá entonces al iniciar sesión, en la bandeja, para que los avisos lleguen con la ventana cerrada. Al desactivarlo deja de abrirse al iniciar sesión.</translation>
    </message>
    <message>
        <source> / 10</source>
        <translation> / 10</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Get-ready time in seconds</source>
        <translation>Tiempo para prepararse en segundos</translation>
    </message>
    <message>
        <source>First get-ready of a session in seconds</source>
        <translation>Primera preparación de la sesión en segundos</translation>
    </message>
    <message>
        <source>Theme: light, dark or as the system</source>
        <translation>Tema: claro, oscuro o como el sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Rest between exercises in seconds</source>
        <translation>Descanso entre ejercicios en segundos</translation>
    </message>
    <message>
        <source>Time to switch sides in seconds</source>
        <translation>Tiempo para cambiar de lado en segundos</translation>
    </message>
    <message>
        <source>Painful side</source>
        <translation>Lado con dolor</translation>
    </message>
    <message>
        <source>Which sides to exercise</source>
        <translation>Qué lados trabajar</translation>
    </message>
    <message>
        <source>Daily reminder</source>
        <translation>Aviso diario</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Hora del aviso</translation>
    </message>
    <message>
        <source>Morning check-in reminder time</source>
        <translation>Hora del aviso del registro de la mañana</translation>
    </message>
    <message>
        <source>Ask the safety questions every</source>
        <translation>Hacer las preguntas de seguridad cada</translation>
    </message>
    <message>
        <source>Pain after a session that is fine, up to</source>
        <translation>Dolor tras una sesión que está bien, hasta</translation>
    </message>
    <message>
        <source>Pain that is acceptable, up to; above it, ease off</source>
        <translation>Dolor aceptable, hasta; por encima, aflojar</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Volumen</translation>
    </message>
    <message>
        <source>&amp;Get ready before each exercise</source>
        <translation>&amp;Prepararse antes de cada ejercicio</translation>
    </message>
    <message>
        <source>F&amp;irst, to get down onto the mat</source>
        <translation>P&amp;rimera, para bajar a la esterilla</translation>
    </message>
    <message>
        <source>Which si&amp;des to work</source>
        <translation>&amp;Qué lados trabajar</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Rest</source>
        <translation>&amp;Descanso</translation>
    </message>
    <message>
        <source>S&amp;witch sides</source>
        <translation>Cambiar de la&amp;do</translation>
    </message>
    <message>
        <source>&amp;Painful side</source>
        <translation>Lado con &amp;dolor</translation>
    </message>
    <message>
        <source>&amp;Morning check-in at</source>
        <translation>Registro de la &amp;mañana a las</translation>
    </message>
    <message>
        <source>Safety &amp;questions every</source>
        <translation>Pre&amp;guntas de seguridad cada</translation>
    </message>
    <message>
        <source>Pain that is &amp;fine, up to</source>
        <translation>Dolor que está &amp;bien, hasta</translation>
    </message>
    <message>
        <source>Pain that is &amp;acceptable, up to</source>
        <translation>Dolor &amp;aceptable, hasta</translation>
    </message>
    <message>
        <source>The safety questions&apos; 7 days and the pain limits 3 and 5 are StretchGuide&apos;s starting numbers, not the articles&apos;. Your physiotherapist can set yours.</source>
        <translation>Los 7 días de las preguntas de seguridad y los límites de dolor 3 y 5 son valores iniciales de StretchGuide, no de los artículos. Tu fisioterapeuta puede fijar los tuyos.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideBadge</name>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>LEFT LEG</source>
        <translation>PIERNA IZQUIERDA</translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation>IZQUIERDA</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Pierna izquierda</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Lado izquierdo</translation>
    </message>
    <message>
        <source>RIGHT LEG</source>
        <translation>PIERNA DERECHA</translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation>DERECHA</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Pierna derecha</translation>
    </message>
    <message>
        <source>Right side</source>
        <translation>Lado derecho</translation>
    </message>
</context>
<context>
    <name>StreakRow</name>
    <message>
        <source>Streak</source>
        <translation>Racha</translation>
    </message>
    <message>
        <source>Planned vs done, last 4 weeks: %1 of %2 planned days</source>
        <translation>Días previstos hechos, últimas 4 semanas: %1 de %2</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>extra</translation>
    </message>
    <message>
        <source>none yet (a session counts once it runs to its end)</source>
        <translation>aún ninguna (una sesión cuenta cuando llega hasta el final)</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; planned day kept so far</source>
        <translation>&lt;b&gt;1&lt;/b&gt; día previsto cumplido hasta ahora</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; planned days kept in a row</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; días previstos cumplidos seguidos</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; day so far</source>
        <translation>&lt;b&gt;1&lt;/b&gt; día hasta ahora</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; days in a row</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; días seguidos</translation>
    </message>
    <message>
        <source>past the %2-day habit goal</source>
        <translation>más allá del objetivo de hábito de %2 días</translation>
    </message>
    <message>
        <source>the %2-day habit goal reached</source>
        <translation>objetivo de hábito de %2 días alcanzado</translation>
    </message>
    <message>
        <source>1 more planned day to reach the %2-day habit goal</source>
        <translation>falta 1 día previsto para el objetivo de hábito de %2 días</translation>
    </message>
    <message>
        <source>1 more day to reach the %2-day habit goal</source>
        <translation>falta 1 día para el objetivo de hábito de %2 días</translation>
    </message>
    <message>
        <source>%3 more planned days to reach the %2-day habit goal</source>
        <translation>faltan %3 días previstos para el objetivo de hábito de %2 días</translation>
    </message>
    <message>
        <source>%3 more days to reach the %2-day habit goal</source>
        <translation>faltan %3 días para el objetivo de hábito de %2 días</translation>
    </message>
    <message>
        <source>Streak: </source>
        <translation>Racha: </translation>
    </message>
</context>
<context>
    <name>StreakStrip</name>
    <message>
        <source>Last 21 days</source>
        <translation>Últimos 21 días</translation>
    </message>
    <message>
        <source>%1 of the last 21 days had a session</source>
        <translation>%1 de los últimos 21 días tuvieron sesión</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Two-week verdict</source>
        <translation>Balance de dos semanas</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message numerus="yes">
        <source>You pressed “%1” %n time(s) during this session: %2.</source>
        <translation>
            <numerusform>Has pulsado «%1» %n vez en esta sesión: %2.</numerusform>
            <numerusform>Has pulsado «%1» %n veces en esta sesión: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whatever the numbers say, pain that sharpens or spreads during an exercise is a reason to go gentler with it next time (a shorter hold, less range) or leave it out, and to mention it to your clinician.</source>
        <translation>Digan lo que digan los números, si el dolor se vuelve más agudo o se extiende durante un ejercicio, hazlo más suave la próxima vez (menos tiempo, menos recorrido) o quítalo, y coméntalo con tu médico o fisioterapeuta.</translation>
    </message>
</context>
<context>
    <name>VoiceListener</name>
    <message>
        <source>No microphone was found. Voice commands are off; the keys still work.</source>
        <translation>No se encontró micrófono. Las órdenes de voz están desactivadas; las teclas siguen funcionando.</translation>
    </message>
    <message>
        <source>The microphone records in no sound format this app can read. Voice commands are off; the keys still work.</source>
        <translation>El micrófono graba en un formato de sonido que esta aplicación no puede leer. Las órdenes de voz están desactivadas; las teclas siguen funcionando.</translation>
    </message>
    <message>
        <source>StretchGuide may not use the microphone. To use voice commands, allow it in the system&apos;s privacy settings (Microphone). The keys still work.</source>
        <translation>StretchGuide no tiene permiso para usar el micrófono. Para usar las órdenes de voz, permítelo en los ajustes de privacidad del sistema (Micrófono). Las teclas siguen funcionando.</translation>
    </message>
    <message>
        <source>The microphone could not be opened (it may be in use, or access was denied). Voice commands are off; the keys still work.</source>
        <translation>No se pudo abrir el micrófono (puede que esté en uso o se haya denegado el acceso). Las órdenes de voz están desactivadas; las teclas siguen funcionando.</translation>
    </message>
    <message>
        <source>Listening with “%1”.</source>
        <translation>Ahora escucha con el micrófono «%1».</translation>
    </message>
    <message>
        <source>The microphone stopped working. Voice commands are off; the keys still work.</source>
        <translation>El micrófono dejó de funcionar. Las órdenes de voz están desactivadas; las teclas siguen funcionando.</translation>
    </message>
</context>
<context>
    <name>VoiceRouter</name>
    <message>
        <source>Say “go on” again to carry on.</source>
        <translation>Di «go on» otra vez para seguir.</translation>
    </message>
    <message>
        <source>Already paused</source>
        <translation>Ya está en pausa</translation>
    </message>
    <message>
        <source>Already running</source>
        <translation>Ya está en marcha</translation>
    </message>
    <message>
        <source>Already muted</source>
        <translation>Ya está silenciado</translation>
    </message>
    <message>
        <source>Sound already on</source>
        <translation>El sonido ya está activado</translation>
    </message>
    <message>
        <source>Nothing to answer</source>
        <translation>No hay nada que responder</translation>
    </message>
    <message>
        <source>Say “this hurts” first</source>
        <translation>Diga primero en inglés «this hurts»</translation>
    </message>
    <message>
        <source>The session has ended</source>
        <translation>La sesión ha terminado</translation>
    </message>
</context>
<context>
    <name>VoiceSection</name>
    <message>
        <source>Say pause, go on, skip, back, ouch, stop, mute or unmute during a session. Listening happens on this computer only: the sound never leaves it and nothing is recorded to disk. The microphone is used only while a session runs or while you test it here.</source>
        <translation>Durante una sesión, di en inglés: pause, go on, skip, back, ouch, stop, mute o unmute. La escucha ocurre solo en este ordenador: el sonido nunca sale de él y no se graba nada. El micrófono solo se usa durante una sesión o mientras lo pruebas aquí.</translation>
    </message>
    <message>
        <source>Voice commands</source>
        <translation>Órdenes de voz</translation>
    </message>
    <message>
        <source>Listen for voice commands during a session</source>
        <translation>Escuchar órdenes de voz durante la sesión</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <source>&amp;Microphone</source>
        <translation>&amp;Micrófono</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>%1 (not plugged in)</source>
        <translation>%1 (no conectado)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>mat</source>
        <translation>esterilla</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>silla</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>pared</translation>
    </message>
    <message>
        <source>strap</source>
        <translation>cinta</translation>
    </message>
    <message>
        <source>band</source>
        <translation>banda elástica</translation>
    </message>
    <message>
        <source>small ball</source>
        <translation>pelota pequeña</translation>
    </message>
    <message>
        <source>exercise ball</source>
        <translation>fitball</translation>
    </message>
    <message>
        <source>sturdy support</source>
        <translation>apoyo firme</translation>
    </message>
    <message>
        <source>helper</source>
        <translation>alguien que te ayude</translation>
    </message>
    <message>
        <source>lying on back</source>
        <translation>boca arriba</translation>
    </message>
    <message>
        <source>lying face down</source>
        <translation>boca abajo</translation>
    </message>
    <message>
        <source>lying on side</source>
        <translation>de lado</translation>
    </message>
    <message>
        <source>seated</source>
        <translation>sentado</translation>
    </message>
    <message>
        <source>standing</source>
        <translation>de pie</translation>
    </message>
    <message>
        <source>hands and knees</source>
        <translation>a cuatro patas</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Foraminal stenosis</source>
        <translation>Estenosis foraminal</translation>
    </message>
    <message>
        <source>Disc bulge</source>
        <translation>Protrusión discal</translation>
    </message>
    <message>
        <source>Piriformis syndrome</source>
        <translation>Síndrome del piriforme</translation>
    </message>
    <message>
        <source>Irritated sciatic nerve</source>
        <translation>Nervio ciático irritado</translation>
    </message>
</context>
<context>
    <name>microphones</name>
    <message>
        <source>This microphone records at %1 kHz, like a telephone (a Bluetooth headset does while its microphone is on), and about one command in three is missed. A built-in or USB microphone hears you better.</source>
        <translation>Este micrófono graba a %1 kHz, como un teléfono (así graba un auricular Bluetooth mientras su micrófono está activo), y se pierde más o menos una orden de cada tres. Un micrófono integrado o USB te oye mejor.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>StretchGuide report</source>
        <translation>Informe de StretchGuide</translation>
    </message>
</context>
<context>
    <name>voice</name>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>Seguimos</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <source>Repeating</source>
        <translation>Repetimos</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Esto duele</translation>
    </message>
    <message>
        <source>Easing off</source>
        <translation>Aflojando</translation>
    </message>
    <message>
        <source>Stop?</source>
        <translation>¿Parar?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Sonido activado</translation>
    </message>
</context>
</TS>
