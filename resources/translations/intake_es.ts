<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AuditViewer</name>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Audit trail</source>
            <translation>Registro de auditoría</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>All events</source>
            <translation>Todos los eventos</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Show events</source>
            <translation>Mostrar eventos</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>&amp;Show:</source>
            <translation>&amp;Mostrar:</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>&amp;Verify</source>
            <translation>&amp;Verificar</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Check that no event was altered or removed from the middle of the log</source>
            <translation>Comprueba que ningún evento se alteró ni se quitó del medio del registro</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>&amp;Export CSV…</source>
            <translation>&amp;Exportar CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Audit events</source>
            <translation>Eventos de auditoría</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Clerk</source>
            <translation>Empleado</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Intake id</source>
            <translation>Id. de registro</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Customer id</source>
            <translation>Id. de cliente</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Details</source>
            <translation>Detalles</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>#%d, %s UTC</source>
            <translation>n.º %d, %s UTC</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Showing the latest %d events; Export CSV… writes them all.</source>
            <translation>Se muestran los últimos %d eventos; Exportar CSV… los escribe todos.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>No events yet.</source>
            <translation>Aún no hay eventos.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>The audit trail could not be read: %s</source>
            <translation>No se pudo leer el registro de auditoría: %s</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Checking…</source>
            <translation>Comprobando…</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Verified: all %d events are intact and in order.</source>
            <translation>Verificado: los %d eventos están intactos y en orden.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Event #%d does not match the chain: the log was altered at or before it. Keep this station's data folder as it is and tell the store's manager.</source>
            <translation>El evento n.º %d no coincide con la cadena: el registro se alteró en ese evento o antes. Deje la carpeta de datos de este puesto tal como está e informe al gerente de la tienda.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Export the audit trail</source>
            <translation>Exportar el registro de auditoría</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>CSV files (*.csv)</source>
            <translation>Archivos CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Exported %d events to %s. The last one is #%d with hash %s: keep this note to check later that no event was cut from the end.</source>
            <translation>Se exportaron %d eventos a %s. El último es el n.º %d con el hash %s: guarde esta nota para comprobar más adelante que no se quitó ningún evento del final.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>The export failed: %s</source>
            <translation>La exportación falló: %s</translation>
        </message>
    </context>
    <context>
        <name>ClerkDialog</name>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Clerk on shift</source>
            <translation>Empleado de turno</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Change clerk</source>
            <translation>Cambiar de empleado</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Who is at the front desk? Consent records and the audit trail carry this name.</source>
            <translation>¿Quién atiende el mostrador? Los registros de consentimiento y el registro de auditoría llevan este nombre.</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Clerk name</source>
            <translation>Nombre del empleado</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Your name</source>
            <translation>Su nombre</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>&amp;Name:</source>
            <translation>&amp;Nombre:</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>&amp;Start shift</source>
            <translation>&amp;Empezar turno</translation>
        </message>
    </context>
    <context>
        <name>Clerks</name>
        <message>
            <location filename="../../app/clerks.py" />
            <source>{path}: cannot read the list of clerks ({error})</source>
            <translation>{path}: no se puede leer la lista de empleados ({error})</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>{path}: cannot save the list of clerks ({error})</source>
            <translation>{path}: no se puede guardar la lista de empleados ({error})</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>A clerk name cannot contain control characters.</source>
            <translation>El nombre de un empleado no puede contener caracteres de control.</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>Enter the clerk's name.</source>
            <translation>Escriba el nombre del empleado.</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>A clerk name has at most {max} characters.</source>
            <translation>El nombre de un empleado tiene como máximo {max} caracteres.</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>A station keeps at most {max} clerks; remove one first.</source>
            <translation>Un puesto guarda como máximo {max} empleados; quite uno primero.</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <location filename="../../app/consent.py" />
            <source>Text offers need the customer's cell phone or phone number.</source>
            <translation>Las ofertas por mensaje de texto necesitan el celular o el teléfono del cliente.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Call offers need the customer's phone or cell phone number.</source>
            <translation>Las ofertas por llamada necesitan el teléfono o el celular del cliente.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Email offers need the customer's email address.</source>
            <translation>Las ofertas por correo electrónico necesitan la dirección de correo del cliente.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Mailed offers need a complete postal address (street, city, state, ZIP).</source>
            <translation>Las ofertas por correo postal necesitan una dirección postal completa (calle, ciudad, estado, código postal).</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Choose the clerk on shift before recording consent.</source>
            <translation>Elija el empleado de turno antes de registrar el consentimiento.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>This is not a marketing channel.</source>
            <translation>Este no es un canal de marketing.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Choose how the customer gave consent.</source>
            <translation>Elija cómo dio el cliente su consentimiento.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>This consent must be signed on screen by the customer (prior express written consent).</source>
            <translation>El cliente debe firmar este consentimiento en la pantalla (consentimiento expreso previo por escrito).</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>These consents already belong to another customer.</source>
            <translation>Estos consentimientos ya pertenecen a otro cliente.</translation>
        </message>
    </context>
    <context>
        <name>ConsentStep</name>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The customer has not signed yet: ask for a signature below, or choose “Spoken, in person”.</source>
            <translation>El cliente aún no ha firmado: pida una firma abajo o elija «De palabra, en persona».</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The disclosure wording cannot be loaded, so this consent cannot be recorded: {reason}</source>
            <translation>No se puede cargar el texto de los avisos, así que este consentimiento no se puede registrar: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Read the text above each box to the customer, word for word. Tick the box only when the customer says yes to that offer; leave it empty otherwise.</source>
            <translation>Lea al cliente el texto de encima de cada casilla, palabra por palabra. Marque la casilla solo si el cliente dice que sí a esa oferta; si no, déjela vacía.</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>&amp;Read in:</source>
            <translation>&amp;Leer en:</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Language of the disclosures</source>
            <translation>Idioma de los avisos</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The customer says yes</source>
            <translation>El cliente dice que sí</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>How was consent given?</source>
            <translation>¿Cómo se dio el consentimiento?</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Spo&amp;ken, in person</source>
            <translation>De &amp;palabra, en persona</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Si&amp;gned on screen by the customer</source>
            <translation>&amp;Firmado en la pantalla por el cliente</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The disclosure wording cannot be loaded: %s</source>
            <translation>No se puede cargar el texto de los avisos: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Wording version %s (%s)</source>
            <translation>Versión del texto %s (%s)</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The wording changed after the customer signed: ask for the signature again.</source>
            <translation>El texto cambió después de que el cliente firmara: pida la firma de nuevo.</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Text and call offers need the customer's signature on screen (prior express written consent).</source>
            <translation>Las ofertas por mensaje de texto y por llamada necesitan la firma del cliente en la pantalla (consentimiento expreso previo por escrito).</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>An offer was ticked after the customer signed: ask for the signature again.</source>
            <translation>Se marcó una oferta después de que el cliente firmara: pida la firma de nuevo.</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The consent could not be recorded, so the intake was not sent: %s. Try again, or untick the offers to send the intake without them.</source>
            <translation>No se pudo registrar el consentimiento, así que el registro no se envió: %s. Inténtelo de nuevo o desmarque las ofertas para enviar el registro sin ellas.</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Recording consent…</source>
            <translation>Registrando el consentimiento…</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The customer's consents could not be linked to the customer: %s</source>
            <translation>No se pudieron vincular los consentimientos al cliente: %s</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Diagnostics</source>
            <translation>Diagnóstico</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Checks of this station's setup: the connection to the POS, the key, the store's plan, the clock, the data on this computer and the field names the POS uses. Nothing is changed on the POS. The report holds no key and no customer's data.</source>
            <translation>Comprobaciones de la configuración de esta estación: la conexión con el POS, la clave, el plan de la tienda, el reloj, los datos de este equipo y los nombres de campo que usa el POS. No se cambia nada en el POS. El informe no contiene ninguna clave ni datos de clientes.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Log file: %s</source>
            <translation>Archivo de registro: %s</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Run &amp;again</source>
            <translation>&amp;Volver a comprobar</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>&amp;Copy report and log</source>
            <translation>&amp;Copiar informe y registro</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>&amp;Open log</source>
            <translation>&amp;Abrir registro</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Checking…</source>
            <translation>Comprobando…</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>The checks could not be run (%s).</source>
            <translation>No se pudieron hacer las comprobaciones (%s).</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Problems to fix: %d. See what to do below.</source>
            <translation>Problemas que corregir: %d. Vea abajo qué hacer.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Warnings: %d. The station can work; see below.</source>
            <translation>Avisos: %d. La estación puede funcionar; vea abajo.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>All checks passed.</source>
            <translation>Todas las comprobaciones son correctas.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>What to do:</source>
            <translation>Qué hacer:</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Not seen: %s</source>
            <translation>No vistos: %s</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Suggested: %s → %s</source>
            <translation>Sugerido: %s → %s</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>The report and the end of the log are copied: paste them into your message to support.</source>
            <translation>Se copiaron el informe y el final del registro: péguelos en su mensaje al soporte.</translation>
        </message>
    </context>
    <context>
        <name>Doctor</name>
        <message>
            <location filename="../../app/doctor/__init__.py" />
            <source>ok</source>
            <translation>correcto</translation>
        </message>
        <message>
            <location filename="../../app/doctor/__init__.py" />
            <source>warning</source>
            <translation>aviso</translation>
        </message>
        <message>
            <location filename="../../app/doctor/__init__.py" />
            <source>problem</source>
            <translation>problema</translation>
        </message>
        <message>
            <location filename="../../app/doctor/__init__.py" />
            <source>not checked</source>
            <translation>no comprobado</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Field names (contract)</source>
            <translation>Nombres de campo (contrato)</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Not checked: the stored key could not be used.</source>
            <translation>No comprobado: no se pudo usar la clave guardada.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Not checked: no records asked for.</source>
            <translation>No comprobado: no se pidió ningún registro.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>The store's plan does not allow listing customers, so the names could not be compared.</source>
            <translation>El plan de la tienda no permite listar clientes, así que no se pudieron comparar los nombres.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>The customers could not be read: {reason}</source>
            <translation>No se pudieron leer los clientes: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>No customer was created in the last {days} days, so the names could not be compared.</source>
            <translation>No se creó ningún cliente en los últimos {days} días, así que no se pudieron comparar los nombres.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Run the check again once the store has registered customers.</source>
            <translation>Vuelva a comprobar cuando la tienda haya registrado clientes.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>{records} recent customers read: {confirmed} names confirmed, {not_seen} not seen.</source>
            <translation>Clientes recientes leídos: {records}; nombres confirmados: {confirmed}; no vistos: {not_seen}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>The POS seems to use other names. After checking with the vendor, add to the managed configuration under [wire_names]: {lines}</source>
            <translation>El POS parece usar otros nombres. Tras confirmarlo con el proveedor, añada a la configuración gestionada, bajo [wire_names]: {lines}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Required fields never seen in the POS's records: {names}. Ask the vendor which names it uses.</source>
            <translation>Campos obligatorios nunca vistos en los registros del POS: {names}. Pregunte al proveedor qué nombres usa.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Configuration</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Field-name corrections</source>
            <translation>Correcciones de nombres de campo</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Keyring</source>
            <translation>Llavero</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Data folder</source>
            <translation>Carpeta de datos</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Data key</source>
            <translation>Clave de datos</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Outbox</source>
            <translation>Bandeja de salida</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Settings from {user_file}; set by your organisation in {managed_file}: {names}.</source>
            <translation>Ajustes de {user_file}; fijados por su organización en {managed_file}: {names}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Settings from {user_file}; no managed configuration at {managed_file}.</source>
            <translation>Ajustes de {user_file}; no hay configuración gestionada en {managed_file}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Sent under the names the managed configuration gives: {pairs}.</source>
            <translation>Se envían con los nombres que da la configuración gestionada: {pairs}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The names of the vendor's reference are used (no corrections configured).</source>
            <translation>Se usan los nombres de la referencia del proveedor (sin correcciones configuradas).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>No keyring that keeps secrets safe: {reason}</source>
            <translation>No hay un llavero que guarde los secretos de forma segura: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The keyring cannot be used: {reason}</source>
            <translation>No se puede usar el llavero: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Secrets are kept in: {backend}.</source>
            <translation>Los secretos se guardan en: {backend}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Keys kept in memory are lost when the program exits: use the system's keyring.</source>
            <translation>Las claves guardadas en memoria se pierden al salir del programa: use el llavero del sistema.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The data folder {path} cannot be written.</source>
            <translation>No se puede escribir en la carpeta de datos {path}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Give the station's user write access to it, or set data_dir to a folder it may write.</source>
            <translation>Dé permiso de escritura al usuario de la estación, o indique en data_dir una carpeta en la que pueda escribir.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The stores in {path} cannot be checked ({reason}).</source>
            <translation>No se pueden comprobar los almacenes de {path} ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>{path}: {stores} missing or damaged.</source>
            <translation>{path}: {stores} faltan o están dañados.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Run 'intake data check' for what to do.</source>
            <translation>Ejecute 'intake data check' para saber qué hacer.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>{path} is writable.</source>
            <translation>Se puede escribir en {path}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>{reason}</source>
            <translation>{reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Not checked: no keyring to read it from.</source>
            <translation>No comprobado: no hay llavero del que leerla.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Not checked: {reason}</source>
            <translation>No comprobado: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The keyring holds no data key, and {count} stored records need it.</source>
            <translation>El llavero no tiene clave de datos, y la necesitan los registros guardados: {count}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Restore it with 'intake credentials import-data-key FILE'.</source>
            <translation>Restáurela con 'intake credentials import-data-key ARCHIVO'.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>None yet: it is made when the station first stores something.</source>
            <translation>Aún ninguna: se crea cuando la estación guarda algo por primera vez.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The data key in the keyring does not open the stored data.</source>
            <translation>La clave de datos del llavero no abre los datos guardados.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Restore the right one with 'intake credentials import-data-key FILE'.</source>
            <translation>Restaure la correcta con 'intake credentials import-data-key ARCHIVO'.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Present in the keyring.</source>
            <translation>Presente en el llavero.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Empty.</source>
            <translation>Vacía.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The outbox cannot be read ({reason}).</source>
            <translation>No se puede leer la bandeja de salida ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>{waiting} waiting to be sent, {stuck} needing attention, {sent} sent.</source>
            <translation>Por enviar: {waiting}; requieren atención: {stuck}; enviados: {sent}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Sending is paused: {reason}</source>
            <translation>El envío está en pausa: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Open the outbox ('intake outbox list') and retry or correct those entries.</source>
            <translation>Abra la bandeja de salida ('intake outbox list') y reintente o corrija esas entradas.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Certificates</source>
            <translation>Certificados</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>API address</source>
            <translation>Dirección de la API</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Files address</source>
            <translation>Dirección de archivos</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>API key</source>
            <translation>Clave de API</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>POS plan</source>
            <translation>Plan del POS</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Clock</source>
            <translation>Reloj</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The system's certificate authorities are used.</source>
            <translation>Se usan las autoridades de certificación del sistema.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The CA bundle {path} cannot be used ({reason}).</source>
            <translation>No se puede usar el paquete de CA {path} ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Correct ca_bundle in the configuration, or remove it to use the system's certificates.</source>
            <translation>Corrija ca_bundle en la configuración, o quítelo para usar los certificados del sistema.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Verified against the CA bundle {path}.</source>
            <translation>Verificado con el paquete de CA {path}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>{url} uses plain http: the key and customers' data would travel unencrypted.</source>
            <translation>{url} usa http sin cifrar: la clave y los datos de los clientes viajarían sin cifrar.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Use the https:// address; plain http is allowed only to this computer.</source>
            <translation>Use la dirección https://; http sin cifrar solo se permite hacia este equipo.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>{url} is not a valid https:// address.</source>
            <translation>{url} no es una dirección https:// válida.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Correct the address in Settings or the configuration.</source>
            <translation>Corrija la dirección en Ajustes o en la configuración.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not tried: the CA bundle cannot be used.</source>
            <translation>No probado: no se puede usar el paquete de CA.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The server's certificate is not valid for this computer: {reason}</source>
            <translation>El certificado del servidor no es válido para este equipo: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>If the store uses its own certificate authority, set its CA bundle in Settings; otherwise the network may be intercepting the connection.</source>
            <translation>Si la tienda usa su propia autoridad de certificación, indique su paquete de CA en Ajustes; si no, la red podría estar interceptando la conexión.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Cannot reach {url}: {reason}</source>
            <translation>No se puede llegar a {url}: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Check the address, the network and any firewall or proxy.</source>
            <translation>Compruebe la dirección, la red y cualquier cortafuegos o proxy.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Reachable over https, certificate valid (HTTP {status} without a key).</source>
            <translation>Accesible por https, certificado válido (HTTP {status} sin clave).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Reachable over plain http on this computer (HTTP {status} without a key).</source>
            <translation>Accesible por http sin cifrar en este equipo (HTTP {status} sin clave).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not tried: the API address is not reachable.</source>
            <translation>No probado: la dirección de la API no es accesible.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The key cannot be read from the keyring: {reason}</source>
            <translation>No se puede leer la clave del llavero: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>No API key is stored for {url}.</source>
            <translation>No hay ninguna clave de API guardada para {url}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Enter it in Settings, or with 'intake credentials set'.</source>
            <translation>Introdúzcala en Ajustes, o con 'intake credentials set'.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The connection settings cannot be used: {reason}</source>
            <translation>No se pueden usar los ajustes de conexión: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The POS refused the stored key.</source>
            <translation>El POS rechazó la clave guardada.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Store the store's current key in Settings, or with 'intake credentials set'.</source>
            <translation>Guarde la clave actual de la tienda en Ajustes, o con 'intake credentials set'.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The key could not be tried: {reason}</source>
            <translation>No se pudo probar la clave: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Accepted (a read of the customer groups: {count}).</source>
            <translation>Aceptada (una lectura de los grupos de clientes: {count}).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not tried: the stored key could not be used.</source>
            <translation>No probado: no se pudo usar la clave guardada.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The store's plan refuses the PRO-only calls: looking customers up by state ID and updating them.</source>
            <translation>El plan de la tienda rechaza las llamadas exclusivas de PRO: buscar clientes por su documento estatal y actualizarlos.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Returning customers are not found by their ID and updates are refused; the vendor's PRO plan allows both.</source>
            <translation>Los clientes que vuelven no se encuentran por su documento y las actualizaciones se rechazan; el plan PRO del proveedor permite ambas cosas.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The plan could not be told: {reason}</source>
            <translation>No se pudo saber el plan: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Lookup by state ID allowed; updates allowed with the same plan (not tried: it would change a record).</source>
            <translation>Búsqueda por documento estatal permitida; actualizaciones permitidas con el mismo plan (no probadas: cambiarían un registro).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not checked: the API server gave no Date.</source>
            <translation>No comprobado: el servidor de la API no dio fecha (Date).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not checked: the API server's Date cannot be read.</source>
            <translation>No comprobado: no se puede leer la fecha (Date) del servidor de la API.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>This computer's clock is {seconds} s ahead of the server's.</source>
            <translation>El reloj de este equipo va {seconds} s adelantado respecto al del servidor.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>This computer's clock is {seconds} s behind the server's.</source>
            <translation>El reloj de este equipo va {seconds} s atrasado respecto al del servidor.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Consent and audit times come from this clock: set it to synchronise with network time.</source>
            <translation>Las horas de consentimiento y de auditoría vienen de este reloj: configúrelo para sincronizarse con la hora de red.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Within {seconds} s of the server's.</source>
            <translation>A menos de {seconds} s del servidor.</translation>
        </message>
    </context>
    <context>
        <name>Documents</name>
        <message>
            <location filename="../../app/documents.py" />
            <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
            <translation>Imágenes y PDF (*.jpg *.jpeg *.png *.pdf)</translation>
        </message>
        <message>
            <location filename="../../app/documents.py" />
            <source>{name} is empty</source>
            <translation>{name} está vacío</translation>
        </message>
        <message>
            <location filename="../../app/documents.py" />
            <source>{name} is {size}; documents can be at most {limit}</source>
            <translation>{name} ocupa {size}; los documentos pueden ocupar como máximo {limit}</translation>
        </message>
        <message>
            <location filename="../../app/documents.py" />
            <source>{name} is not a JPEG, PNG or PDF file; scan or save it as one of those</source>
            <translation>{name} no es un archivo JPEG, PNG ni PDF; escanéelo o guárdelo en uno de esos formatos</translation>
        </message>
        <message>
            <location filename="../../app/documents.py" />
            <source>{name} cannot be read ({reason})</source>
            <translation>No se puede leer {name} ({reason})</translation>
        </message>
    </context>
    <context>
        <name>DocumentsWidget</name>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>&amp;Add file…</source>
            <translation>&amp;Añadir archivo…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Add file</source>
            <translation>Añadir archivo</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>JPEG, PNG or PDF, up to {limit}. Drop files here, paste an image (Ctrl+V), or choose Add file.</source>
            <translation>JPEG, PNG o PDF, hasta {limit}. Suelte archivos aquí, pegue una imagen (Ctrl+V) o elija Añadir archivo.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Documents</source>
            <translation>Documentos</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Scanned files</source>
            <translation>Archivos escaneados</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Pasted image</source>
            <translation>Imagen pegada</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>The clipboard holds no image or file to attach.</source>
            <translation>El portapapeles no contiene ninguna imagen ni archivo para adjuntar.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>&amp;From the scanner folder ({folder}) — Enter attaches:</source>
            <translation>&amp;Desde la carpeta del escáner ({folder}); Intro adjunta:</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>No new scans in this folder.</source>
            <translation>No hay escaneos nuevos en esta carpeta.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>All files (*)</source>
            <translation>Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Add documents</source>
            <translation>Añadir documentos</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Dropped image</source>
            <translation>Imagen soltada</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>{name} is already added</source>
            <translation>{name} ya está añadido</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Remove {name}</source>
            <translation>Quitar {name}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Type of {name}</source>
            <translation>Tipo de {name}</translation>
        </message>
    </context>
    <context>
        <name>DraftsBanner</name>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Open &amp;drafts</source>
            <translation>Abrir &amp;borradores</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Hide this notice</source>
            <translation>Ocultar este aviso</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Hide the notice about unfinished intakes</source>
            <translation>Ocultar el aviso sobre registros sin terminar</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>1 unfinished intake from earlier</source>
            <translation>1 registro sin terminar de antes</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>%d unfinished intakes from earlier</source>
            <translation>%d registros sin terminar de antes</translation>
        </message>
    </context>
    <context>
        <name>DraftsPanel</name>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Unfinished intakes</source>
            <translation>Registros sin terminar</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Intakes typed on this station and not submitted yet. Drafts not touched for %d days are removed automatically.</source>
            <translation>Registros escritos en este puesto y aún no enviados. Los borradores sin tocar durante %d días se eliminan automáticamente.</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Last saved</source>
            <translation>Guardado por última vez</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Step</source>
            <translation>Paso</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>&amp;Resume</source>
            <translation>&amp;Reanudar</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>&amp;Delete…</source>
            <translation>&amp;Eliminar…</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>The drafts could not be read: %s</source>
            <translation>No se pudieron leer los borradores: %s</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>No unfinished intakes.</source>
            <translation>No hay registros sin terminar.</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Delete draft</source>
            <translation>Eliminar borrador</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Delete the unfinished intake of %s? What was typed is lost.</source>
            <translation>¿Eliminar el registro sin terminar de %s? Lo escrito se perderá.</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Delete</source>
            <translation>Eliminar</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>The draft was deleted.</source>
            <translation>Se eliminó el borrador.</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>The draft could not be deleted: %s</source>
            <translation>No se pudo eliminar el borrador: %s</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <location filename="../../app/fields.py" />
            <source>First name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Last name</source>
            <translation>Apellido</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Middle name</source>
            <translation>Segundo nombre</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Nickname</source>
            <translation>Apodo</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Date of birth</source>
            <translation>Fecha de nacimiento</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Gender</source>
            <translation>Sexo</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Phone</source>
            <translation>Teléfono</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Cell phone</source>
            <translation>Celular</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Home phone</source>
            <translation>Teléfono de casa</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Work phone</source>
            <translation>Teléfono del trabajo</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Email</source>
            <translation>Correo electrónico</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>State ID number</source>
            <translation>Número de identificación estatal</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>ID type</source>
            <translation>Tipo de identificación</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Has a medical recommendation</source>
            <translation>Tiene una recomendación médica</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Recommendation number</source>
            <translation>Número de recomendación</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Recommendation expires</source>
            <translation>Vencimiento de la recomendación</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical ID</source>
            <translation>Identificación médica</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Physician licence</source>
            <translation>Licencia del médico</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Customer type</source>
            <translation>Tipo de cliente</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Amount limit</source>
            <translation>Límite de cantidad</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Referral source</source>
            <translation>Cómo nos conoció</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Street address</source>
            <translation>Calle y número</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Apartment, suite</source>
            <translation>Apartamento, oficina</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>City</source>
            <translation>Ciudad</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>State or province</source>
            <translation>Estado o provincia</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>ZIP or postal code</source>
            <translation>Código postal (ZIP)</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Country</source>
            <translation>País</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Offers by mail</source>
            <translation>Ofertas por correo postal</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Offers by email</source>
            <translation>Ofertas por correo electrónico</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Offers by text message</source>
            <translation>Ofertas por mensaje de texto</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Offers by phone call</source>
            <translation>Ofertas por llamada telefónica</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Customer groups</source>
            <translation>Grupos de clientes</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Documents</source>
            <translation>Documentos</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Male</source>
            <translation>Masculino</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Female</source>
            <translation>Femenino</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Unspecified</source>
            <translation>Sin especificar</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Driver's licence</source>
            <translation>Licencia de conducir</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>State ID card</source>
            <translation>Tarjeta de identificación estatal</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Passport</source>
            <translation>Pasaporte</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Military ID</source>
            <translation>Identificación militar</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Other</source>
            <translation>Otro</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Walked in</source>
            <translation>Entró sin más</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>A friend</source>
            <translation>Un amigo</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Online</source>
            <translation>En internet</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Advertising</source>
            <translation>Publicidad</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Recreational</source>
            <translation>Recreativo</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical</source>
            <translation>Médico</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Caregiver</source>
            <translation>Cuidador</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical, with recommendation</source>
            <translation>Médico, con recomendación</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical, with state card</source>
            <translation>Médico, con tarjeta estatal</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Adult</source>
            <translation>Adulto</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Minor</source>
            <translation>Menor</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Temporary adult</source>
            <translation>Adulto temporal</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Temporary minor</source>
            <translation>Menor temporal</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>ID document</source>
            <translation>Documento de identidad</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical document</source>
            <translation>Documento médico</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>United States</source>
            <translation>Estados Unidos</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Canada</source>
            <translation>Canadá</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>ID expires</source>
            <translation>Vencimiento de la identificación</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Document type</source>
            <translation>Tipo de documento</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Document file</source>
            <translation>Archivo del documento</translation>
        </message>
    </context>
    <context>
        <name>GroupsWidget</name>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Search groups</source>
            <translation>Buscar grupos</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Customer groups</source>
            <translation>Grupos de clientes</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Loading groups…</source>
            <translation>Cargando grupos…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>No groups</source>
            <translation>No hay grupos</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>unexpected error</source>
            <translation>error inesperado</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Could not load groups: {reason}</source>
            <translation>No se pudieron cargar los grupos: {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Offline: showing the groups saved on {date}</source>
            <translation>Sin conexión: se muestran los grupos guardados el {date}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Offline: showing the saved groups</source>
            <translation>Sin conexión: se muestran los grupos guardados</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Could not load groups ({reason}); showing the groups saved on {date}</source>
            <translation>No se pudieron cargar los grupos ({reason}); se muestran los grupos guardados el {date}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Could not load groups ({reason}); showing the saved groups</source>
            <translation>No se pudieron cargar los grupos ({reason}); se muestran los grupos guardados</translation>
        </message>
    </context>
    <context>
        <name>IdScan</name>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>This is not a driver's licence or ID card barcode: scan the barcode on the back of the card.</source>
            <translation>Este no es el código de barras de una licencia de conducir o tarjeta de identificación: escanee el código del reverso de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The card's barcode was read but holds no usable data: scan it again or type the details.</source>
            <translation>Se leyó el código de barras de la tarjeta, pero no contiene datos utilizables: escanéelo de nuevo o escriba los datos.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The first name is missing from the barcode: type it from the card.</source>
            <translation>Falta el nombre en el código de barras: escríbalo a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The last name is missing from the barcode: type it from the card.</source>
            <translation>Falta el apellido en el código de barras: escríbalo a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The sex is missing from the barcode: type it from the card.</source>
            <translation>Falta el sexo en el código de barras: escríbalo a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ID number is missing from the barcode: type it from the card.</source>
            <translation>Falta el número de identificación en el código de barras: escríbalo a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The date of birth is missing from the barcode: type it from the card.</source>
            <translation>Falta la fecha de nacimiento en el código de barras: escríbala a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The expiry date is missing from the barcode: type it from the card.</source>
            <translation>Falta la fecha de vencimiento en el código de barras: escríbala a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The issue date is missing from the barcode: type it from the card.</source>
            <translation>Falta la fecha de emisión en el código de barras: escríbala a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The date of birth on the barcode cannot be read: type it from the card.</source>
            <translation>No se puede leer la fecha de nacimiento del código de barras: escríbala a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The expiry date on the barcode cannot be read: type it from the card.</source>
            <translation>No se puede leer la fecha de vencimiento del código de barras: escríbala a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The issue date on the barcode cannot be read: type it from the card.</source>
            <translation>No se puede leer la fecha de emisión del código de barras: escríbala a partir de la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The first name was shortened to fit on the card: check it against the card.</source>
            <translation>El nombre se acortó para caber en la tarjeta: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The middle name was shortened to fit on the card: check it against the card.</source>
            <translation>El segundo nombre se acortó para caber en la tarjeta: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The last name was shortened to fit on the card: check it against the card.</source>
            <translation>El apellido se acortó para caber en la tarjeta: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The last name was read from a damaged part of the barcode: check it against the card.</source>
            <translation>El apellido se leyó de una parte dañada del código de barras: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The first name was read from a damaged part of the barcode: check it against the card.</source>
            <translation>El nombre se leyó de una parte dañada del código de barras: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The middle name was read from a damaged part of the barcode: check it against the card.</source>
            <translation>El segundo nombre se leyó de una parte dañada del código de barras: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The name was read from a damaged part of the barcode: check it against the card.</source>
            <translation>El nombre completo se leyó de una parte dañada del código de barras: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ID number was read from a damaged part of the barcode: check it against the card.</source>
            <translation>El número de identificación se leyó de una parte dañada del código de barras: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The date of birth was read from a damaged part of the barcode: check it against the card.</source>
            <translation>La fecha de nacimiento se leyó de una parte dañada del código de barras: compruébela con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The expiry date was read from a damaged part of the barcode: check it against the card.</source>
            <translation>La fecha de vencimiento se leyó de una parte dañada del código de barras: compruébela con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The sex was read from a damaged part of the barcode: check it against the card.</source>
            <translation>El sexo se leyó de una parte dañada del código de barras: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The address was read from a damaged part of the barcode: check it against the card.</source>
            <translation>La dirección se leyó de una parte dañada del código de barras: compruébela con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ZIP or postal code was read from a damaged part of the barcode: check it against the card.</source>
            <translation>El código postal se leyó de una parte dañada del código de barras: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The scan looks cut off: scan the card again, or check every field against the card.</source>
            <translation>El escaneo parece cortado: vuelva a escanear la tarjeta o compruebe cada campo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The card gives the name suffix "{suffix}": it was added to the last name.</source>
            <translation>La tarjeta indica el sufijo de nombre "{suffix}": se añadió al apellido.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The customer is {age}, under the minimum age of {minimum} for recreational customers in {jurisdiction}.</source>
            <translation>El cliente tiene {age} años, menos de la edad mínima de {minimum} para clientes recreativos en {jurisdiction}.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The customer is {age}, under the minimum age of {minimum} for medical customers in {jurisdiction}.</source>
            <translation>El cliente tiene {age} años, menos de la edad mínima de {minimum} para clientes médicos en {jurisdiction}.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The customer is {age}, under the minimum age of {minimum} for {kind} customers in {jurisdiction}.</source>
            <translation>El cliente tiene {age} años, menos de la edad mínima de {minimum} para clientes de tipo «{kind}» en {jurisdiction}.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The card writes the full name without separators: check the first and last name against the card.</source>
            <translation>La tarjeta escribe el nombre completo sin separadores: compruebe el nombre y el apellido con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ZIP or postal code on the barcode is unusual: check it against the card.</source>
            <translation>El código postal del código de barras es inusual: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ID number is longer than {max} characters: check it against the card.</source>
            <translation>El número de identificación tiene más de {max} caracteres: compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The date of birth is in the future: check it against the card.</source>
            <translation>La fecha de nacimiento está en el futuro: compruébela con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The barcode does not say whether this is a driver's licence or an ID card.</source>
            <translation>El código de barras no indica si es una licencia de conducir o una tarjeta de identificación.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>This ID expired on {date}: ask for a valid ID.</source>
            <translation>Esta identificación venció el {date}: pida una identificación vigente.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/image.py" />
            <source>No ID card barcode was found in the image: photograph the back of the card flat, in focus and filling most of the picture.</source>
            <translation>No se encontró ningún código de barras de tarjeta de identificación en la imagen: fotografíe el reverso de la tarjeta plano, enfocado y ocupando casi toda la foto.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/image.py" />
            <source>The image file cannot be read: use a PNG or JPEG photo of the card.</source>
            <translation>No se puede leer el archivo de imagen: use una foto PNG o JPEG de la tarjeta.</translation>
        </message>
    </context>
    <context>
        <name>IdScanFeature</name>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Sc&amp;an ID (F2)</source>
            <translation>&amp;Escanear identificación (F2)</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Scan ID</source>
            <translation>Escanear identificación</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read fr&amp;om image…</source>
            <translation>Leer desde &amp;imagen…</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read ID from image</source>
            <translation>Leer la identificación desde una imagen</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Scan the barcode on the back of the ID, or paste its text here</source>
            <translation>Escanee el código de barras del reverso de la identificación o pegue aquí su texto</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>ID barcode</source>
            <translation>Código de barras de la identificación</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>ID scan</source>
            <translation>Escaneo de identificación</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;Scan ID</source>
            <translation>E&amp;scanear identificación</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read ID from &amp;image…</source>
            <translation>Leer identificación desde &amp;imagen…</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>ID scanned</source>
            <translation>Identificación escaneada</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>An ID was scanned while a customer is on screen.</source>
            <translation>Se escaneó una identificación mientras hay un cliente en pantalla.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Start a new customer with this ID (the one on screen stays in drafts), or fill the customer on screen with it?</source>
            <translation>¿Empezar un cliente nuevo con esta identificación (el de la pantalla queda en borradores) o completar con ella el cliente en pantalla?</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;New customer</source>
            <translation>Cliente &amp;nuevo</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;Fill this customer</source>
            <translation>&amp;Completar este cliente</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Could not read the ID barcode: %s</source>
            <translation>No se pudo leer el código de barras de la identificación: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Could not read the ID barcode: scan it again or type the details.</source>
            <translation>No se pudo leer el código de barras de la identificación: escanéelo de nuevo o escriba los datos.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
            <translation>Imágenes (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Reading the image…</source>
            <translation>Leyendo la imagen…</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>the image could not be read.</source>
            <translation>no se pudo leer la imagen.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read from the ID: 1 field filled. Check it against the card.</source>
            <translation>Leído de la identificación: 1 campo completado. Compruébelo con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read from the ID: %d fields filled. Check them against the card.</source>
            <translation>Leído de la identificación: %d campos completados. Compruébelos con la tarjeta.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read from the ID</source>
            <translation>Leído de la identificación</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>The duplicate check could not run.</source>
            <translation>No se pudo hacer la comprobación de duplicados.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>A customer with this state ID, name and date of birth already exists in the POS%s.</source>
            <translation>Ya existe en el punto de venta un cliente con esta identificación, este nombre y esta fecha de nacimiento%s.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>A customer with this state ID already exists in the POS%s.</source>
            <translation>Ya existe en el punto de venta un cliente con esta identificación%s.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>the same state ID, name and date of birth</source>
            <translation>la misma identificación, el mismo nombre y la misma fecha de nacimiento</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>the same state ID</source>
            <translation>la misma identificación</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>the same name and date of birth</source>
            <translation>el mismo nombre y la misma fecha de nacimiento</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>An intake with %s was created at this station on %s%s.</source>
            <translation>Un registro con %s se creó en este puesto el %s%s.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Checking for duplicates…</source>
            <translation>Buscando duplicados…</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Possible duplicate</source>
            <translation>Posible duplicado</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>This customer may already exist.</source>
            <translation>Es posible que este cliente ya exista.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;Continue</source>
            <translation>&amp;Continuar</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;Open the existing customer</source>
            <translation>&amp;Abrir el cliente existente</translation>
        </message>
    </context>
    <context>
        <name>IntakeSession</name>
        <message>
            <location filename="../../ui/session.py" />
            <source>The draft could not be saved: %s</source>
            <translation>No se pudo guardar el borrador: %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The draft could not be opened: %s</source>
            <translation>No se pudo abrir el borrador: %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Documents cannot be added by an update: remove them here, and attach them in the POS.</source>
            <translation>Una actualización no puede añadir documentos: quítelos aquí y adjúntelos en el punto de venta.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Nothing changed: customer #%s checked in. Ready for the next customer.</source>
            <translation>Nada cambió: cliente n.º %s registrado a su llegada. Listo para el siguiente cliente.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Sending the update…</source>
            <translation>Enviando la actualización…</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Sending…</source>
            <translation>Enviando…</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>another sender is sending the outbox right now; this intake goes with the next round, in a few seconds</source>
            <translation>otro emisor está enviando la bandeja de salida ahora mismo; este registro sale en la próxima ronda, en unos segundos</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Customer created: #%s (%s). Ready for the next customer.</source>
            <translation>Cliente creado: n.º %s (%s). Listo para el siguiente cliente.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Saved in the outbox, not sent yet: %s</source>
            <translation>Guardado en la bandeja de salida, aún sin enviar: %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Saved for sending: the POS is not reachable now. The intake waits in the outbox and is sent as soon as the connection is back.</source>
            <translation>Guardado para enviar: ahora no se puede contactar con el punto de venta. El registro espera en la bandeja de salida y se enviará en cuanto vuelva la conexión.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The POS already holds a customer with this state ID. If the number is right, this is a returning customer: open it with Find customer (Ctrl+F) to check it in or update it; if not, correct the number and submit again.</source>
            <translation>El POS ya tiene un cliente con este número de identificación estatal. Si el número es correcto, es un cliente que regresa: ábralo con Buscar cliente (Ctrl+F) para registrar su visita o actualizarlo; si no, corrija el número y envíe de nuevo.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The POS refused the record. Fix the fields marked below and submit again.</source>
            <translation>El punto de venta rechazó el registro. Corrija los campos marcados abajo y envíelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The intake could not be sent: %s</source>
            <translation>No se pudo enviar el registro: %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Customer #%s updated. Ready for the next customer.</source>
            <translation>Cliente n.º %s actualizado. Listo para el siguiente cliente.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The update is saved in the outbox, not sent yet: %s</source>
            <translation>La actualización está guardada en la bandeja de salida, aún sin enviar: %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The update waits in the outbox: the POS is not reachable now. It is sent as soon as the connection is back.</source>
            <translation>La actualización espera en la bandeja de salida: ahora no se puede contactar con el punto de venta. Se enviará en cuanto vuelva la conexión.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The POS refused the update. Fix the fields marked below and submit again.</source>
            <translation>El punto de venta rechazó la actualización. Corrija los campos marcados y vuelva a enviarla.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The update could not be sent: %s</source>
            <translation>No se pudo enviar la actualización: %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Not queued: %s The intake stays here; submit it again once an admin has fixed the setting.</source>
            <translation>No se puso en cola: %s El registro se queda aquí; envíelo de nuevo cuando un administrador haya corregido el ajuste.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The intake could not be queued: %s</source>
            <translation>No se pudo poner el registro en cola: %s</translation>
        </message>
    </context>
    <context>
        <name>Launch</name>
        <message>
            <location filename="../../ui/launch.py" />
            <source>Something went wrong ({kind}). What you typed is kept as a draft; you can carry on, or restart the program if this happens again.</source>
            <translation>Algo salió mal ({kind}). Lo que escribió se guarda como borrador; puede continuar, o reiniciar el programa si vuelve a ocurrir.</translation>
        </message>
        <message>
            <location filename="../../ui/launch.py" />
            <source>The program could not start ({kind}).</source>
            <translation>No se pudo iniciar el programa ({kind}).</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/features/audit.py" />
            <source>The audit trail could not be written: %s</source>
            <translation>No se pudo escribir el registro de auditoría: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/audit.py" />
            <source>The audit trail cannot be opened: %s</source>
            <translation>No se puede abrir el registro de auditoría: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/audit.py" />
            <source>&amp;Audit trail…</source>
            <translation>Registro de &amp;auditoría…</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Clerk on shift</source>
            <translation>Empleado de turno</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Clerk: %s</source>
            <translation>Empleado: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>No clerk on shift</source>
            <translation>Ningún empleado de turno</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Change &amp;clerk…</source>
            <translation>Cambiar de &amp;empleado…</translation>
        </message>
        <message>
            <location filename="../../ui/features/diagnostics.py" />
            <source>Help</source>
            <translation>Ayuda</translation>
        </message>
        <message>
            <location filename="../../ui/features/diagnostics.py" />
            <source>&amp;Diagnostics…</source>
            <translation>&amp;Diagnóstico…</translation>
        </message>
        <message>
            <location filename="../../ui/features/drafts.py" />
            <source>&amp;Drafts…</source>
            <translation>B&amp;orradores…</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Open the outbox (Ctrl+Shift+O)</source>
            <translation>Abrir la bandeja de salida (Ctrl+Mayús+O)</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>POS not contacted yet</source>
            <translation>Aún no se ha contactado con el punto de venta</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Online</source>
            <translation>En línea</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Offline — intakes are kept and sent when the POS is reachable</source>
            <translation>Sin conexión: los registros se guardan y se envían cuando se pueda contactar con el punto de venta</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>The POS server is having trouble — intakes are kept and retried</source>
            <translation>El servidor del punto de venta tiene problemas: los registros se guardan y se reintentan</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Paused: the POS refused the API key</source>
            <translation>En pausa: el punto de venta rechazó la clave de API</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Paused: no API key is stored for this station</source>
            <translation>En pausa: no hay ninguna clave de API guardada para este puesto</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>%d waiting</source>
            <translation>%d en espera</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>1 needs attention</source>
            <translation>1 requiere atención</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>%d need attention</source>
            <translation>%d requieren atención</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Outbox: %s</source>
            <translation>Bandeja de salida: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>nothing waiting</source>
            <translation>nada en espera</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>&amp;Outbox…</source>
            <translation>&amp;Bandeja de salida…</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <location filename="../../ui/main_window.py" />
            <source>Customer intake</source>
            <translation>Registro de clientes</translation>
        </message>
        <message>
            <location filename="../../ui/features/settings.py" />
            <source>&amp;Settings…</source>
            <translation>&amp;Configuración…</translation>
        </message>
        <message>
            <location filename="../../ui/features/settings.py" />
            <source>Settings saved. Some changes apply after the program restarts: %s</source>
            <translation>Configuración guardada. Algunos cambios se aplican al reiniciar el programa: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/settings.py" />
            <source>Settings saved.</source>
            <translation>Configuración guardada.</translation>
        </message>
        <message>
            <location filename="../../ui/launch.py" />
            <source>demo (sandbox)</source>
            <translation>demostración (entorno de pruebas)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>needs input</source>
            <translation>falta información</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>complete</source>
            <translation>completo</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>optional</source>
            <translation>opcional</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>not needed for this customer</source>
            <translation>no hace falta para este cliente</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>Steps</source>
            <translation>Pasos</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>Alt+%d</source>
            <translation>Alt+%d</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>Loading…</source>
            <translation>Cargando…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Back</source>
            <translation>&amp;Atrás</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Next</source>
            <translation>&amp;Siguiente</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Submit</source>
            <translation>&amp;Enviar</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Intake</source>
            <translation>&amp;Registro</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;New intake</source>
            <translation>&amp;Nuevo registro</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Tools</source>
            <translation>&amp;Herramientas</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>has problems</source>
            <translation>tiene problemas</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>%s (proposed)</source>
            <translation>%s (propuesto)</translation>
        </message>
    </context>
    <context>
        <name>Outbox</name>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Update waiting to send</source>
            <translation>Actualización en espera de envío</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Waiting to send</source>
            <translation>En espera de envío</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending documents</source>
            <translation>Enviando documentos</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending</source>
            <translation>Enviando</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Updated #%1</source>
            <translation>Cliente n.º %1 actualizado</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Created #%1 (%2)</source>
            <translation>Cliente n.º %1 creado (%2)</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Created #%1</source>
            <translation>Cliente n.º %1 creado</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Needs attention</source>
            <translation>Requiere atención</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Failed</source>
            <translation>Falló</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Now</source>
            <translation>Ahora</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>(no name)</source>
            <translation>(sin nombre)</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>This intake is being sent right now. Try again when the send has finished.</source>
            <translation>Este registro se está enviando ahora mismo. Inténtelo de nuevo cuando termine el envío.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>This intake is no longer in the outbox (it was discarded or cleaned up).</source>
            <translation>Este registro ya no está en la bandeja de salida (se descartó o se limpió).</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>That cannot be done to this intake any more: %1</source>
            <translation>Eso ya no se puede hacer con este registro: %1</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The outbox could not be changed: %1</source>
            <translation>No se pudo modificar la bandeja de salida: %1</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>it is %1 now</source>
            <translation>ahora está en «%1»</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Correct the intake and submit it again.</source>
            <translation>Corrija el registro y envíelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending is paused: %1</source>
            <translation>El envío está en pausa: %1</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Another sender is working on the outbox right now.</source>
            <translation>Otro proceso de envío está trabajando ahora con la bandeja de salida.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The POS is not reachable; the intakes wait in the outbox.</source>
            <translation>No se puede contactar con el punto de venta; los registros esperan en la bandeja de salida.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Nothing was waiting to be sent.</source>
            <translation>No había nada esperando para enviarse.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sent %1, created %2.</source>
            <translation>Enviados %1, creados %2.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>%1 need attention.</source>
            <translation>%1 requieren atención.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>%1 will be retried.</source>
            <translation>%1 se reintentarán.</translation>
        </message>
    </context>
    <context>
        <name>OutboxPanel</name>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Outbox</source>
            <translation>Bandeja de salida</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Customer</source>
            <translation>Cliente</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>State</source>
            <translation>Estado</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Attempts</source>
            <translation>Intentos</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Next attempt</source>
            <translation>Próximo intento</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Last error</source>
            <translation>Último error</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Intakes in the outbox</source>
            <translation>Registros en la bandeja de salida</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The outbox is empty: every intake has been sent.</source>
            <translation>La bandeja de salida está vacía: se enviaron todos los registros.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>&amp;Retry</source>
            <translation>&amp;Reintentar</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Send the selected intake again as it is</source>
            <translation>Enviar de nuevo el registro seleccionado tal como está</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>&amp;Open in form</source>
            <translation>&amp;Abrir en el formulario</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Put the selected intake back in the form to correct it</source>
            <translation>Volver a poner el registro seleccionado en el formulario para corregirlo</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>&amp;Discard…</source>
            <translation>&amp;Descartar…</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Remove the selected intake from the outbox</source>
            <translation>Quitar el registro seleccionado de la bandeja de salida</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Res&amp;ume sending</source>
            <translation>Re&amp;anudar el envío</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Send again after an admin stored the right API key</source>
            <translation>Enviar de nuevo cuando un administrador haya guardado la clave de API correcta</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>&amp;Send now</source>
            <translation>Enviar a&amp;hora</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Try every waiting intake now</source>
            <translation>Intentar ahora todos los registros en espera</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The outbox could not be read: %s</source>
            <translation>No se pudo leer la bandeja de salida: %s</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending is paused. %s</source>
            <translation>El envío está en pausa. %s</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending the intake again.</source>
            <translation>Enviando de nuevo el registro.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Discard intake</source>
            <translation>Descartar registro</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Remove %s from the outbox? What was typed for this intake is lost.</source>
            <translation>¿Quitar a %s de la bandeja de salida? Lo escrito para este registro se perderá.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The intake was removed from the outbox.</source>
            <translation>Se quitó el registro de la bandeja de salida.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending…</source>
            <translation>Enviando…</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Nothing could be sent: %s</source>
            <translation>No se pudo enviar nada: %s</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending resumed.</source>
            <translation>Envío reanudado.</translation>
        </message>
    </context>
    <context>
        <name>Returning</name>
        <message>
            <location filename="../../app/returning.py" />
            <source>ID valid until {date}</source>
            <translation>Identificación válida hasta el {date}</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>ID expires on {date}, in {days} days: remind the customer to renew it</source>
            <translation>La identificación vence el {date}, en {days} días: recuerde al cliente que la renueve</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>ID expired on {date}: ask for a valid ID</source>
            <translation>La identificación venció el {date}: pida una identificación válida</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>ID expiry unknown: scan the licence to check it</source>
            <translation>Vencimiento de la identificación desconocido: escanee la licencia para comprobarlo</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Recommendation valid until {date}</source>
            <translation>Recomendación válida hasta el {date}</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Recommendation expires on {date}, in {days} days: ask whether a renewal is on its way</source>
            <translation>La recomendación vence el {date}, en {days} días: pregunte si hay una renovación en camino</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Recommendation expired on {date}: enter the new recommendation number and expiry date</source>
            <translation>La recomendación venció el {date}: introduzca el número y la fecha de vencimiento de la nueva recomendación</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>No recommendation expiry on record: enter the recommendation's expiry date</source>
            <translation>No consta el vencimiento de la recomendación: introduzca su fecha de vencimiento</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Age {age}: old enough for this customer type (at least {minimum})</source>
            <translation>Edad {age}: suficiente para este tipo de cliente (al menos {minimum})</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Age {age}: this customer type needs at least {minimum} here; change the customer type</source>
            <translation>Edad {age}: este tipo de cliente exige al menos {minimum} aquí; cambie el tipo de cliente</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Date of birth missing or unreadable: enter it from the ID</source>
            <translation>Fecha de nacimiento ausente o ilegible: introdúzcala desde la identificación</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>The customer type {type} is not one of this jurisdiction's: choose the right type</source>
            <translation>El tipo de cliente {type} no es de esta jurisdicción: elija el tipo correcto</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Verified in the POS</source>
            <translation>Verificado en el punto de venta</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Pending in the POS: the POS has not verified this customer yet</source>
            <translation>Pendiente en el punto de venta: aún no ha verificado a este cliente</translation>
        </message>
    </context>
    <context>
        <name>ReturningCustomerView</name>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>Returning customer</source>
            <translation>Cliente que regresa</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>(no name)</source>
            <translation>(sin nombre)</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>POS customer</source>
            <translation>Cliente del punto de venta</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>verified</source>
            <translation>verificado</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>pending</source>
            <translation>pendiente</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>Status in the POS</source>
            <translation>Estado en el punto de venta</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>Marketing</source>
            <translation>Publicidad</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>none</source>
            <translation>ninguna</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>&amp;Update customer</source>
            <translation>&amp;Actualizar cliente</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>&amp;Nothing to change</source>
            <translation>&amp;Nada que cambiar</translation>
        </message>
    </context>
    <context>
        <name>ReturningFeature</name>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>&amp;Find customer…</source>
            <translation>&amp;Buscar cliente…</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Find by name and &amp;birth date</source>
            <translation>Buscar por nombre y &amp;fecha de nacimiento</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Find customer</source>
            <translation>Buscar cliente</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>State ID (driver's licence or ID card number):</source>
            <translation>Número de identificación estatal (licencia de conducir o tarjeta de identidad):</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>No customer in the POS holds this state ID.</source>
            <translation>Ningún cliente del punto de venta tiene este número de identificación.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>The store's POS plan does not allow looking customers up or updating them (the vendor's PRO plan does). The station goes on creating customers, and warns of duplicates it knows of itself.</source>
            <translation>El plan del punto de venta de la tienda no permite buscar ni actualizar clientes (el plan PRO del proveedor sí). La estación sigue creando clientes y avisa de los duplicados que conoce por sí misma.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>The POS could not be asked about this customer: %s</source>
            <translation>No se pudo consultar al punto de venta sobre este cliente: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Looking the customer up…</source>
            <translation>Buscando al cliente…</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Type the first name, last name and date of birth first.</source>
            <translation>Escriba primero el nombre, el apellido y la fecha de nacimiento.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>An intake for this person is still waiting in the outbox (%s): it counts as already here.</source>
            <translation>Un registro de esta persona todavía espera en la bandeja de salida (%s): cuenta como ya presente.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>This station knows no customer with this name and date of birth.</source>
            <translation>Esta estación no conoce ningún cliente con este nombre y fecha de nacimiento.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>The station's records could not be searched: %s</source>
            <translation>No se pudieron consultar los registros de la estación: %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Customer #%s checked in: nothing to change.</source>
            <translation>Cliente n.º %s registrado a su llegada: nada que cambiar.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Updating customer #%s: change what is needed; Review lists the changes; Submit sends them.</source>
            <translation>Actualizando el cliente n.º %s: cambie lo necesario; Revisar muestra los cambios; Enviar los manda.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>updating customer #%s</source>
            <translation>actualizando el cliente n.º %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Changes to customer #%s</source>
            <translation>Cambios en el cliente n.º %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Changed from the customer's record in the POS</source>
            <translation>Cambiado respecto del registro del cliente en el punto de venta</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>As it will be sent to the POS:</source>
            <translation>Tal como se enviará al punto de venta:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Request body</source>
            <translation>Cuerpo de la solicitud</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Fix these steps before submitting: {steps}</source>
            <translation>Corrija estos pasos antes de enviar: {steps}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Edit</source>
            <translation>Editar</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Edit {step}</source>
            <translation>Editar {step}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>In the POS</source>
            <translation>En el punto de venta</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>New</source>
            <translation>Nuevo</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Nothing changed: Submit checks the customer in.</source>
            <translation>Nada cambió: Enviar registra la llegada del cliente.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>As it will be sent to the POS (only the changes):</source>
            <translation>Tal como se enviará al punto de venta (solo los cambios):</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Shown once every step is complete.</source>
            <translation>Se muestra cuando todos los pasos estén completos.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>(uploaded first, then listed here by file id)</source>
            <translation>(se suben primero y luego se listan aquí por id. de archivo)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The files URL is on another server than the API URL: documents would not be sent, because the API key goes only to the API's server. Correct the files URL, or allow the key to go to the files server.</source>
            <translation>La URL de archivos está en otro servidor que la URL de la API: los documentos no se enviarían, porque la clave de la API solo va al servidor de la API. Corrija la URL de archivos o permita que la clave vaya al servidor de archivos.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>No folder at {folder}.</source>
            <translation>No hay ninguna carpeta en {folder}.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>{folder} is a file, not a folder.</source>
            <translation>{folder} es un archivo, no una carpeta.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The folder {folder} cannot be read ({reason}).</source>
            <translation>No se puede leer la carpeta {folder} ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The folder {folder} cannot be read: this user may not open it.</source>
            <translation>No se puede leer la carpeta {folder}: este usuario no tiene permiso para abrirla.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>Enter the {what}.</source>
            <translation>Escriba el valor: {what}.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The {what} must be a number.</source>
            <translation>El valor «{what}» debe ser un número.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The {what} must be a whole number.</source>
            <translation>El valor «{what}» debe ser un número entero.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The {what} must be between {low} and {high}.</source>
            <translation>El valor «{what}» debe estar entre {low} y {high}.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Settings</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Connection to the POS</source>
            <translation>Conexión con el punto de venta</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The system's certificates</source>
            <translation>Los certificados del sistema</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Bro&amp;wse…</source>
            <translation>E&amp;xaminar…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;API URL</source>
            <translation>URL de la &amp;API</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;Files URL</source>
            <translation>URL de &amp;archivos</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Also send the API key to the files URL's server</source>
            <translation>Enviar también la clave de la API al servidor de la URL de archivos</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Only if the POS vendor serves files from another server than the API.</source>
            <translation>Solo si el proveedor del POS sirve los archivos desde otro servidor que la API.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;CA bundle</source>
            <translation>Paquete de &amp;CA</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Only if the store uses its own certificate authority.</source>
            <translation>Solo si la tienda usa su propia autoridad de certificación.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;Timeout (seconds)</source>
            <translation>&amp;Tiempo de espera (segundos)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>API key</source>
            <translation>Clave de API</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Checking the keyring…</source>
            <translation>Comprobando el llavero…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Re&amp;move stored key</source>
            <translation>&amp;Quitar la clave guardada</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>API &amp;key</source>
            <translation>&amp;Clave de API</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Te&amp;st connection</source>
            <translation>&amp;Probar la conexión</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Checks the URL and the key with the POS.</source>
            <translation>Comprueba la URL y la clave con el punto de venta.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>This store</source>
            <translation>Esta tienda</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;Jurisdiction</source>
            <translation>&amp;Jurisdicción</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Largest &amp;document (MB)</source>
            <translation>&amp;Documento más grande (MB)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Keep d&amp;rafts (days)</source>
            <translation>Conservar &amp;borradores (días)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Unsent drafts older than this are deleted.</source>
            <translation>Los borradores sin enviar más antiguos se eliminan.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>None</source>
            <translation>Ninguna</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>C&amp;hoose…</source>
            <translation>E&amp;legir…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Document scanner f&amp;older</source>
            <translation>Carpeta del e&amp;scáner de documentos</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Its newest files are offered on the Documents step. Empty: no scanner folder.</source>
            <translation>Sus archivos más recientes se ofrecen en el paso Documentos. Vacío: sin carpeta de escáner.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Settings marked “set by your organisation” come from %s and cannot be changed here.</source>
            <translation>Los ajustes marcados “fijado por su organización” vienen de %s y no se pueden cambiar aquí.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Demo mode: changes last until the program exits; nothing is written to disk.</source>
            <translation>Modo de demostración: los cambios duran hasta que se cierra el programa; no se escribe nada en el disco.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Check co&amp;nnection…</source>
            <translation>Comprobar co&amp;nexión…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Every check of the station's setup, with the settings shown and the stored key; nothing is changed on the POS.</source>
            <translation>Todas las comprobaciones de la configuración de la estación, con los ajustes mostrados y la clave guardada; no se cambia nada en el POS.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>%s — not known to this station</source>
            <translation>%s: desconocido en este puesto</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Set by your organisation in %s</source>
            <translation>Fijado por su organización en %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Set by your organisation</source>
            <translation>Fijado por su organización</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Set by %s</source>
            <translation>Definido por %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>API URL</source>
            <translation>URL de la API</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>files URL</source>
            <translation>URL de archivos</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>No file or folder at %s.</source>
            <translation>No hay ningún archivo ni carpeta en %s.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>timeout</source>
            <translation>tiempo de espera</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>largest document size</source>
            <translation>tamaño máximo de documento</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>number of days</source>
            <translation>número de días</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Choose the jurisdiction the store is licensed in.</source>
            <translation>Elija la jurisdicción en la que la tienda tiene licencia.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Correct the settings marked in red first.</source>
            <translation>Corrija primero la configuración marcada en rojo.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Secrets are kept in: %s</source>
            <translation>Los secretos se guardan en: %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>A key is stored in %s — type a new one to replace it</source>
            <translation>Hay una clave guardada en %s: escriba una nueva para reemplazarla</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>No key stored</source>
            <translation>No hay ninguna clave guardada</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The keyring could not be read (%s).</source>
            <translation>No se pudo leer el llavero (%s).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>No keyring to keep a key in</source>
            <translation>No hay ningún llavero donde guardar una clave</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The keyring cannot be read</source>
            <translation>No se puede leer el llavero</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Keep stored &amp;key</source>
            <translation>Conservar la &amp;clave guardada</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The stored key will be removed when you press OK.</source>
            <translation>La clave guardada se quitará al pulsar Aceptar.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Connecting to %s…</source>
            <translation>Conectando con %s…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Connected: 1 customer group</source>
            <translation>Conectado: 1 grupo de clientes</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Connected: %d customer groups</source>
            <translation>Conectado: %d grupos de clientes</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>No API key is stored for this API URL: type the key above, then test again.</source>
            <translation>No hay ninguna clave de API guardada para esta URL de la API: escriba la clave arriba y pruebe de nuevo.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The API key was refused%s. Check the key with the POS and type it again.</source>
            <translation>Se rechazó la clave de API%s. Compruebe la clave con el punto de venta y escríbala de nuevo.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Cannot reach %s: %s</source>
            <translation>No se puede contactar con %s: %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>%s answered “not found”: check the API URL. (%s)</source>
            <translation>%s respondió «no encontrado»: compruebe la URL de la API. (%s)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The test failed unexpectedly (%s).</source>
            <translation>La prueba falló de forma inesperada (%s).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Choose the CA bundle</source>
            <translation>Elegir el paquete de CA</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Choose the document scanner's folder</source>
            <translation>Elegir la carpeta del escáner de documentos</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The settings could not be saved: %s</source>
            <translation>No se pudo guardar la configuración: %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The settings could not be saved (%s).</source>
            <translation>No se pudo guardar la configuración (%s).</translation>
        </message>
    </context>
    <context>
        <name>Setup</name>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the API address must use https:// ({url}); plain http is allowed only to this computer.</source>
            <translation>la dirección de la API debe usar https:// ({url}); http sin cifrar solo se permite hacia este equipo.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the files address must use https:// ({url}); plain http is allowed only to this computer.</source>
            <translation>la dirección de archivos debe usar https:// ({url}); http sin cifrar solo se permite hacia este equipo.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the API address {url} is not a valid https:// address.</source>
            <translation>la dirección de la API {url} no es una dirección https:// válida.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the files address {url} is not a valid https:// address.</source>
            <translation>la dirección de archivos {url} no es una dirección https:// válida.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the CA bundle {path} cannot be read ({reason}).</source>
            <translation>no se puede leer el paquete de CA {path} ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>no API key is stored for this station; an admin enters it in Settings.</source>
            <translation>no hay ninguna clave de API guardada para este puesto; un administrador la introduce en Configuración.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the API key cannot be read from the keyring: {reason}</source>
            <translation>no se puede leer la clave de API del llavero: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the connection settings cannot be used: {reason}</source>
            <translation>no se pueden usar los ajustes de conexión: {reason}</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <location filename="../../ui/widgets/signature.py" />
            <source>Customer signature</source>
            <translation>Firma del cliente</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/signature.py" />
            <source>Customer signature: sign inside the box with a finger, pen or mouse.</source>
            <translation>Firma del cliente: firme dentro del recuadro con el dedo, un lápiz o el ratón.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/signature.py" />
            <source>C&amp;lear signature</source>
            <translation>&amp;Borrar la firma</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/signature.py" />
            <source>Clear signature</source>
            <translation>Borrar la firma</translation>
        </message>
    </context>
    <context>
        <name>Steps</name>
        <message>
            <location filename="../../app/steps.py" />
            <source>Identity</source>
            <translation>Identidad</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Medical ID</source>
            <translation>Identificación médica</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Address</source>
            <translation>Dirección</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Marketing consent</source>
            <translation>Consentimientos</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Documents</source>
            <translation>Documentos</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Review &amp; submit</source>
            <translation>Revisar y enviar</translation>
        </message>
    </context>
    <context>
        <name>Storage</name>
        <message>
            <location filename="../../app/datakey.py" />
            <source>The data key is missing from the keyring ({keyring}), and this station holds data encrypted with it (intakes in the outbox: {outbox}, drafts: {drafts}, consent records: {consent}). No new key was made: that would make this data unreadable for good. An admin restores the key saved at setup with 'intake credentials import-data-key FILE' (or its printed code).</source>
            <translation>Falta la clave de datos en el llavero ({keyring}), y este puesto guarda datos cifrados con ella (registros en la bandeja de salida: {outbox}, borradores: {drafts}, registros de consentimiento: {consent}). No se creó una clave nueva: dejaría estos datos ilegibles para siempre. Un administrador restaura la clave guardada durante la instalación con 'intake credentials import-data-key FILE' (o con su código impreso).</translation>
        </message>
        <message>
            <location filename="../../app/datakey.py" />
            <source>The data key in the keyring ({keyring}) does not open this station's data (intakes in the outbox: {outbox}, drafts: {drafts}, consent records: {consent}): it is not the key they were saved with. Nothing was changed. An admin restores the right key with 'intake credentials import-data-key FILE' (or its printed code).</source>
            <translation>La clave de datos del llavero ({keyring}) no abre los datos de este puesto (registros en la bandeja de salida: {outbox}, borradores: {drafts}, registros de consentimiento: {consent}): no es la clave con la que se guardaron. No se cambió nada. Un administrador restaura la clave correcta con 'intake credentials import-data-key FILE' (o con su código impreso).</translation>
        </message>
        <message>
            <location filename="../../app/stores.py" />
            <source>{file} is missing from the data folder {folder}, although this station created it: it was deleted or moved. Nothing is read from or written to it until an admin puts it (or a backup) back, or runs 'intake data start-empty {store}' to start with an empty one.</source>
            <translation>Falta {file} en la carpeta de datos {folder}, aunque este puesto lo creó: se borró o se movió. No se lee ni se escribe nada en él hasta que un administrador lo vuelva a poner (o una copia de seguridad), o ejecute 'intake data start-empty {store}' para empezar con uno vacío.</translation>
        </message>
        <message>
            <location filename="../../app/stores.py" />
            <source>{file} in the data folder {folder} is empty (0 bytes), although this station had stored data in it. It was kept aside as {kept}. Nothing is read from or written to it until an admin puts a backup back as {file}, or runs 'intake data start-empty {store}' to start with an empty one.</source>
            <translation>{file} en la carpeta de datos {folder} está vacío (0 bytes), aunque este puesto había guardado datos en él. Se apartó como {kept}. No se lee ni se escribe nada en él hasta que un administrador vuelva a poner una copia de seguridad como {file}, o ejecute 'intake data start-empty {store}' para empezar con uno vacío.</translation>
        </message>
        <message>
            <location filename="../../app/stores.py" />
            <source>{file} in the data folder {folder} is damaged: it is not a readable database. It was kept aside as {kept}, not deleted. Nothing is read from or written to it until an admin puts a backup back as {file}, or runs 'intake data start-empty {store}' to start with an empty one.</source>
            <translation>{file} en la carpeta de datos {folder} está dañado: no es una base de datos legible. Se apartó como {kept}, sin borrarlo. No se lee ni se escribe nada en él hasta que un administrador vuelva a poner una copia de seguridad como {file}, o ejecute 'intake data start-empty {store}' para empezar con uno vacío.</translation>
        </message>
    </context>
    <context>
        <name>Sync</name>
        <message>
            <location filename="../../app/sync.py" />
            <source>No connection to the POS server; the intake will be sent when the connection is back.</source>
            <translation>No hay conexión con el servidor del punto de venta; el registro se enviará cuando vuelva la conexión.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS server did not answer in time; it will be asked whether the customer exists before resending.</source>
            <translation>El servidor del punto de venta no respondió a tiempo; se le preguntará si el cliente existe antes de reenviar.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS server failed (HTTP {status}); the intake will be sent again later.</source>
            <translation>El servidor del punto de venta falló (HTTP {status}); el registro se enviará de nuevo más tarde.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS server's reply could not be read; the intake will be checked and sent again later.</source>
            <translation>No se pudo leer la respuesta del servidor del punto de venta; el registro se comprobará y se enviará de nuevo más tarde.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS server asked to slow down; the next attempt waits at least {seconds:.0f} s.</source>
            <translation>El servidor del punto de venta pidió ir más despacio; el próximo intento espera al menos {seconds:.0f} s.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS refused the API key. An admin must store the right key, then resume sending.</source>
            <translation>El punto de venta rechazó la clave de API. Un administrador debe guardar la clave correcta y luego reanudar el envío.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS refused the record (HTTP {status}); correct the fields shown and submit again.</source>
            <translation>El punto de venta rechazó el registro (HTTP {status}); corrija los campos indicados y envíelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>A customer with this state ID already exists in the POS.</source>
            <translation>Ya existe en el punto de venta un cliente con esta identificación.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS refused a document (HTTP {status}); replace it and submit again.</source>
            <translation>El punto de venta rechazó un documento (HTTP {status}); reemplácelo y envíelo de nuevo.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The store's POS plan does not allow this call (HTTP 403).</source>
            <translation>El plan del punto de venta de la tienda no permite esta llamada (HTTP 403).</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS API address answered 'not found' (HTTP 404); check the API URL in the configuration.</source>
            <translation>La dirección de la API del punto de venta respondió «no encontrado» (HTTP 404); compruebe la URL de la API en la configuración.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>This intake cannot be opened with this station's data key.</source>
            <translation>Este registro no se puede abrir con la clave de datos de este puesto.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The station's settings forbid this call and nothing was sent: the files address is on another server than the API address, and the API key goes only to the API's server. An admin fixes the address or allows that server in Settings, then retries the intake.</source>
            <translation>La configuración de la estación no permite esta llamada y no se envió nada: la dirección de archivos está en otro servidor que la dirección de la API, y la clave de la API solo va al servidor de la API. Un administrador corrige la dirección o permite ese servidor en Configuración y luego reintenta el registro.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The customer no longer exists in the POS (HTTP 404); the update cannot be applied.</source>
            <translation>El cliente ya no existe en el punto de venta (HTTP 404); la actualización no se puede aplicar.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The store's POS plan does not allow updating customers (HTTP 403). Make the change in the POS itself, then discard this update.</source>
            <translation>El plan del punto de venta de la tienda no permite actualizar clientes (HTTP 403). Haga el cambio en el propio punto de venta y luego descarte esta actualización.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>Waits for an earlier update of the same customer.</source>
            <translation>Espera a una actualización anterior del mismo cliente.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS has not confirmed this customer yet; it is given time to finish before the intake is sent again.</source>
            <translation>El punto de venta aún no ha confirmado este cliente; se le da tiempo para terminar antes de volver a enviar el registro.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS may already have created this customer, and this station cannot check it. Look the customer up in the POS: if they are there, discard this intake; if not, retry it.</source>
            <translation>Es posible que el punto de venta ya haya creado este cliente y esta estación no puede comprobarlo. Busque al cliente en el punto de venta: si está, descarte este registro; si no, vuelva a intentarlo.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>An unexpected error stopped this intake ({kind}); see the log.</source>
            <translation>Un error inesperado detuvo este registro ({kind}); consulte el log.</translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message>
            <location filename="../../app/contract.py" />
            <location filename="../../app/rules.py" />
            <location filename="../../app/validation.py" />
            <source>{label} is required</source>
            <translation>{label}: campo obligatorio</translation>
        </message>
        <message>
            <location filename="../../app/contract.py" />
            <source>{label} must be a two-letter state or province code, like CA or ON</source>
            <translation>{label}: debe ser un código de estado o provincia de dos letras, como CA u ON</translation>
        </message>
        <message>
            <location filename="../../app/contract.py" />
            <location filename="../../app/validation.py" />
            <source>{label} must be a positive whole number</source>
            <translation>{label}: debe ser un número entero positivo</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be text</source>
            <translation>{label}: debe ser texto</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} contains a broken character; type it again</source>
            <translation>{label}: contiene un carácter dañado; vuelva a escribirlo</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} contains an invisible control character; type it again</source>
            <translation>{label}: contiene un carácter de control invisible; vuelva a escribirlo</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} can be at most {max} characters</source>
            <translation>{label}: puede tener como máximo {max} caracteres</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} may contain only letters, spaces, hyphens, apostrophes and periods</source>
            <translation>{label}: solo puede contener letras, espacios, guiones, apóstrofos y puntos</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must not contain spaces</source>
            <translation>{label}: no debe contener espacios</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a real date written year first, YYYY-MM-DD, like 1990-04-12</source>
            <translation>{label} debe ser una fecha real escrita con el año primero, AAAA-MM-DD, como 1990-04-12</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a real date, like 1990-04-12</source>
            <translation>{label}: debe ser una fecha real, como 1990-04-12</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a phone number, like (555) 123-4567</source>
            <translation>{label}: debe ser un número de teléfono, como (555) 123-4567</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must have 10 digits, like (555) 123-4567</source>
            <translation>{label}: debe tener 10 dígitos, como (555) 123-4567</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} has an area code that cannot start with 0 or 1</source>
            <translation>{label}: el código de área no puede empezar por 0 ni por 1</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be an address like name@example.com</source>
            <translation>{label}: debe ser una dirección como nombre@ejemplo.com</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>Choose a {label} from the list</source>
            <translation>Elija un valor de «{label}» en la lista</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be yes or no</source>
            <translation>{label}: debe ser sí o no</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a number, like 28.5</source>
            <translation>{label}: debe ser un número, como 28.5</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} can be at most {max}</source>
            <translation>{label}: puede ser como máximo {max}</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} cannot be negative</source>
            <translation>{label}: no puede ser negativo</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} may have at most 2 digits after the dot</source>
            <translation>{label}: puede tener como máximo 2 decimales después del punto</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a US ZIP code, like 90210 or 90210-1234</source>
            <translation>{label}: debe ser un código ZIP de EE. UU., como 90210 o 90210-1234</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a Canadian postal code, like K1A 0B1</source>
            <translation>{label}: debe ser un código postal canadiense, como K1A 0B1</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a US ZIP code or a Canadian postal code</source>
            <translation>{label}: debe ser un código ZIP de EE. UU. o un código postal canadiense</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a list of group numbers</source>
            <translation>{label}: debe ser una lista de números de grupo</translation>
        </message>
        <message>
            <location filename="../../app/updates.py" />
            <source>An update must be a JSON object of fields</source>
            <translation>Una actualización debe ser un objeto JSON de campos</translation>
        </message>
        <message>
            <location filename="../../app/updates.py" />
            <source>An update needs at least one field to change</source>
            <translation>Una actualización necesita al menos un campo que cambiar</translation>
        </message>
        <message>
            <location filename="../../app/updates.py" />
            <source>This field cannot be changed by an update</source>
            <translation>Este campo no se puede cambiar con una actualización</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>'{name}' is not a field of the Create-customer request</source>
            <translation>«{name}» no es un campo de la solicitud de creación de cliente</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{label} must be a list</source>
            <translation>{label}: debe ser una lista</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{label} must be a group of fields</source>
            <translation>{label}: debe ser un grupo de campos</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{label} is not valid</source>
            <translation>{label}: no es válido</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{label} is needed for the address</source>
            <translation>{label}: es necesario para la dirección</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{state} is not a state or province of {country}</source>
            <translation>{state} no es un estado ni una provincia de {country}</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>Choose a customer type allowed in {jurisdiction}: {choices}</source>
            <translation>Elija un tipo de cliente permitido en {jurisdiction}: {choices}</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>Date of birth cannot be in the future</source>
            <translation>La fecha de nacimiento no puede estar en el futuro</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>Date of birth is more than {years} years ago; check the year</source>
            <translation>La fecha de nacimiento es de hace más de {years} años; compruebe el año</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>This customer is {age}; customers in {jurisdiction} must be at least {min_age}</source>
            <translation>Este cliente tiene {age} años; en {jurisdiction} los clientes deben tener al menos {min_age}</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{type} customers must be at least {min_age} in {jurisdiction}; this customer is {age}</source>
            <translation>Los clientes de tipo «{type}» deben tener al menos {min_age} años en {jurisdiction}; este cliente tiene {age}</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{type} is only for customers under {max_age}; this customer is {age}</source>
            <translation>«{type}» es solo para clientes menores de {max_age} años; este cliente tiene {age}</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>A {type} customer needs a medical ID</source>
            <translation>Un cliente de tipo «{type}» necesita una identificación médica</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>A {type} customer needs a medical recommendation</source>
            <translation>Un cliente de tipo «{type}» necesita una recomendación médica</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>A {type} customer needs a medical ID or a recommendation</source>
            <translation>Un cliente de tipo «{type}» necesita una identificación médica o una recomendación</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>Enter the date the recommendation expires</source>
            <translation>Escriba la fecha de vencimiento de la recomendación</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>The recommendation expired on {date}; the customer needs a current one</source>
            <translation>La recomendación venció el {date}; el cliente necesita una vigente</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>The ID expired on {date}; ask for a valid ID</source>
            <translation>La identificación venció el {date}; pida una identificación vigente</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>An intake must be a JSON object of fields</source>
            <translation>Un registro debe ser un objeto JSON de campos</translation>
        </message>
    </context>
    <context>
        <name>WedgeFilter</name>
        <message>
            <location filename="../../ui/widgets/scan_capture.py" />
            <source>A scan was read while a dialog was open; it was ignored. Close the dialog, then scan again.</source>
            <translation>Se leyó un escaneo mientras había un diálogo abierto y se ignoró. Cierre el diálogo y vuelva a escanear.</translation>
        </message>
    </context>
</TS>
