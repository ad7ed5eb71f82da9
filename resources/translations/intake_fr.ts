<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
    <context>
        <name>AuditViewer</name>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Audit trail</source>
            <translation>Journal d'audit</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>All events</source>
            <translation>Tous les événements</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Show events</source>
            <translation>Afficher les événements</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>&amp;Show:</source>
            <translation>&amp;Afficher :</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>&amp;Verify</source>
            <translation>&amp;Vérifier</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Check that no event was altered or removed from the middle of the log</source>
            <translation>Vérifie qu'aucun événement n'a été modifié ni retiré du milieu du journal</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>&amp;Export CSV…</source>
            <translation>E&amp;xporter en CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Audit events</source>
            <translation>Événements d'audit</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Event</source>
            <translation>Événement</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Clerk</source>
            <translation>Commis</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Intake id</source>
            <translation>Id. d'inscription</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Customer id</source>
            <translation>Id. du client</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>#%d, %s UTC</source>
            <translation>nº %d, %s UTC</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Showing the latest %d events; Export CSV… writes them all.</source>
            <translation>Affichage des %d derniers événements; Exporter en CSV… les écrit tous.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>No events yet.</source>
            <translation>Aucun événement pour l'instant.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>The audit trail could not be read: %s</source>
            <translation>Impossible de lire le journal d'audit : %s</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Checking…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Verified: all %d events are intact and in order.</source>
            <translation>Vérifié : les %d événements sont intacts et en ordre.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Event #%d does not match the chain: the log was altered at or before it. Keep this station's data folder as it is and tell the store's manager.</source>
            <translation>L'événement nº %d ne correspond pas à la chaîne : le journal a été modifié à cet événement ou avant. Laissez le dossier de données de ce poste tel quel et avertissez le gérant du magasin.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Export the audit trail</source>
            <translation>Exporter le journal d'audit</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>Exported %d events to %s. The last one is #%d with hash %s: keep this note to check later that no event was cut from the end.</source>
            <translation>%d événements exportés dans %s. Le dernier est le nº %d avec l'empreinte %s : conservez cette note pour vérifier plus tard qu'aucun événement n'a été retiré de la fin.</translation>
        </message>
        <message>
            <location filename="../../ui/audit_viewer.py" />
            <source>The export failed: %s</source>
            <translation>L'exportation a échoué : %s</translation>
        </message>
    </context>
    <context>
        <name>ClerkDialog</name>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Clerk on shift</source>
            <translation>Commis de service</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Change clerk</source>
            <translation>Changer de commis</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Who is at the front desk? Consent records and the audit trail carry this name.</source>
            <translation>Qui est à l'accueil? Les consentements enregistrés et le journal d'audit portent ce nom.</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Clerk name</source>
            <translation>Nom du commis</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Your name</source>
            <translation>Votre nom</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>&amp;Name:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>&amp;Start shift</source>
            <translation>&amp;Commencer le quart</translation>
        </message>
    </context>
    <context>
        <name>Clerks</name>
        <message>
            <location filename="../../app/clerks.py" />
            <source>{path}: cannot read the list of clerks ({error})</source>
            <translation>{path} : impossible de lire la liste des commis ({error})</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>{path}: cannot save the list of clerks ({error})</source>
            <translation>{path} : impossible d'enregistrer la liste des commis ({error})</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>A clerk name cannot contain control characters.</source>
            <translation>Le nom d'un commis ne peut pas contenir de caractères de contrôle.</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>Enter the clerk's name.</source>
            <translation>Saisissez le nom du commis.</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>A clerk name has at most {max} characters.</source>
            <translation>Le nom d'un commis compte au plus {max} caractères.</translation>
        </message>
        <message>
            <location filename="../../app/clerks.py" />
            <source>A station keeps at most {max} clerks; remove one first.</source>
            <translation>Un poste conserve au plus {max} commis; retirez-en un d'abord.</translation>
        </message>
    </context>
    <context>
        <name>Consent</name>
        <message>
            <location filename="../../app/consent.py" />
            <source>Text offers need the customer's cell phone or phone number.</source>
            <translation>Les offres par texto exigent le numéro de cellulaire ou de téléphone du client.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Call offers need the customer's phone or cell phone number.</source>
            <translation>Les offres par appel exigent le numéro de téléphone ou de cellulaire du client.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Email offers need the customer's email address.</source>
            <translation>Les offres par courriel exigent l'adresse courriel du client.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Mailed offers need a complete postal address (street, city, state, ZIP).</source>
            <translation>Les offres par la poste exigent une adresse postale complète (rue, ville, province ou État, code postal).</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Choose the clerk on shift before recording consent.</source>
            <translation>Choisissez le commis de service avant d'enregistrer le consentement.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>This is not a marketing channel.</source>
            <translation>Ce n'est pas un canal de marketing.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>Choose how the customer gave consent.</source>
            <translation>Choisissez comment le client a donné son consentement.</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>This consent must be signed on screen by the customer (prior express written consent).</source>
            <translation>Ce consentement doit être signé à l'écran par le client (consentement écrit exprès préalable).</translation>
        </message>
        <message>
            <location filename="../../app/consent.py" />
            <source>These consents already belong to another customer.</source>
            <translation>Ces consentements appartiennent déjà à un autre client.</translation>
        </message>
    </context>
    <context>
        <name>ConsentStep</name>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The customer has not signed yet: ask for a signature below, or choose “Spoken, in person”.</source>
            <translation>Le client n'a pas encore signé : demandez une signature ci-dessous ou choisissez « De vive voix, en personne ».</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The disclosure wording cannot be loaded, so this consent cannot be recorded: {reason}</source>
            <translation>Le texte des avis ne peut pas être chargé, ce consentement ne peut donc pas être enregistré : {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Read the text above each box to the customer, word for word. Tick the box only when the customer says yes to that offer; leave it empty otherwise.</source>
            <translation>Lisez au client le texte au-dessus de chaque case, mot pour mot. Cochez la case seulement si le client dit oui à cette offre; sinon, laissez-la vide.</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>&amp;Read in:</source>
            <translation>&amp;Lire en :</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Language of the disclosures</source>
            <translation>Langue des avis</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The customer says yes</source>
            <translation>Le client dit oui</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>How was consent given?</source>
            <translation>Comment le consentement a-t-il été donné?</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Spo&amp;ken, in person</source>
            <translation>De &amp;vive voix, en personne</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Si&amp;gned on screen by the customer</source>
            <translation>Si&amp;gné à l'écran par le client</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The disclosure wording cannot be loaded: %s</source>
            <translation>Le texte des avis ne peut pas être chargé : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Wording version %s (%s)</source>
            <translation>Version du texte %s (%s)</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The wording changed after the customer signed: ask for the signature again.</source>
            <translation>Le texte a changé après la signature du client : demandez de nouveau la signature.</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Text and call offers need the customer's signature on screen (prior express written consent).</source>
            <translation>Les offres par texto et par appel exigent la signature du client à l'écran (consentement écrit exprès préalable).</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>An offer was ticked after the customer signed: ask for the signature again.</source>
            <translation>Une offre a été cochée après la signature du client : demandez de nouveau la signature.</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The consent could not be recorded, so the intake was not sent: %s. Try again, or untick the offers to send the intake without them.</source>
            <translation>Le consentement n'a pas pu être enregistré, l'inscription n'a donc pas été envoyée : %s. Réessayez, ou décochez les offres pour envoyer l'inscription sans elles.</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>Recording consent…</source>
            <translation>Enregistrement du consentement…</translation>
        </message>
        <message>
            <location filename="../../ui/features/consent.py" />
            <source>The customer's consents could not be linked to the customer: %s</source>
            <translation>Les consentements n'ont pas pu être liés au client : %s</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsDialog</name>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Diagnostics</source>
            <translation>Diagnostic</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Checks of this station's setup: the connection to the POS, the key, the store's plan, the clock, the data on this computer and the field names the POS uses. Nothing is changed on the POS. The report holds no key and no customer's data.</source>
            <translation>Vérifications de la configuration de ce poste : la connexion au POS, la clé, le forfait du magasin, l’horloge, les données de cet ordinateur et les noms de champ qu’utilise le POS. Rien n’est modifié dans le POS. Le rapport ne contient aucune clé ni donnée de client.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Log file: %s</source>
            <translation>Fichier journal : %s</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Run &amp;again</source>
            <translation>&amp;Relancer</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>&amp;Copy report and log</source>
            <translation>&amp;Copier le rapport et le journal</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>&amp;Open log</source>
            <translation>&amp;Ouvrir le journal</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Checking…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>The checks could not be run (%s).</source>
            <translation>Les vérifications n’ont pas pu être faites (%s).</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Problems to fix: %d. See what to do below.</source>
            <translation>Problèmes à corriger : %d. Voir ci-dessous quoi faire.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Warnings: %d. The station can work; see below.</source>
            <translation>Avertissements : %d. Le poste peut fonctionner ; voir ci-dessous.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>All checks passed.</source>
            <translation>Toutes les vérifications sont bonnes.</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>What to do:</source>
            <translation>Que faire :</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Not seen: %s</source>
            <translation>Non vus : %s</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>Suggested: %s → %s</source>
            <translation>Suggéré : %s → %s</translation>
        </message>
        <message>
            <location filename="../../ui/diagnostics.py" />
            <source>The report and the end of the log are copied: paste them into your message to support.</source>
            <translation>Le rapport et la fin du journal sont copiés : collez-les dans votre message au support.</translation>
        </message>
    </context>
    <context>
        <name>Doctor</name>
        <message>
            <location filename="../../app/doctor/__init__.py" />
            <source>ok</source>
            <translation>bon</translation>
        </message>
        <message>
            <location filename="../../app/doctor/__init__.py" />
            <source>warning</source>
            <translation>avertissement</translation>
        </message>
        <message>
            <location filename="../../app/doctor/__init__.py" />
            <source>problem</source>
            <translation>problème</translation>
        </message>
        <message>
            <location filename="../../app/doctor/__init__.py" />
            <source>not checked</source>
            <translation>non vérifié</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Field names (contract)</source>
            <translation>Noms de champ (contrat)</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Not checked: the stored key could not be used.</source>
            <translation>Non vérifié : la clé enregistrée n’a pas pu être utilisée.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Not checked: no records asked for.</source>
            <translation>Non vérifié : aucun enregistrement demandé.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>The store's plan does not allow listing customers, so the names could not be compared.</source>
            <translation>Le forfait du magasin ne permet pas de lister les clients : les noms n’ont pas pu être comparés.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>The customers could not be read: {reason}</source>
            <translation>Les clients n’ont pas pu être lus : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>No customer was created in the last {days} days, so the names could not be compared.</source>
            <translation>Aucun client n’a été créé ces {days} derniers jours : les noms n’ont pas pu être comparés.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Run the check again once the store has registered customers.</source>
            <translation>Relancez la vérification quand le magasin aura enregistré des clients.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>{records} recent customers read: {confirmed} names confirmed, {not_seen} not seen.</source>
            <translation>Clients récents lus : {records} ; noms confirmés : {confirmed} ; non vus : {not_seen}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>The POS seems to use other names. After checking with the vendor, add to the managed configuration under [wire_names]: {lines}</source>
            <translation>Le POS semble utiliser d’autres noms. Après vérification auprès de l’éditeur, ajoutez à la configuration gérée, sous [wire_names] : {lines}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/contract.py" />
            <source>Required fields never seen in the POS's records: {names}. Ask the vendor which names it uses.</source>
            <translation>Champs obligatoires jamais vus dans les enregistrements du POS : {names}. Demandez à l’éditeur quels noms il utilise.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Configuration</source>
            <translation>Configuration</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Field-name corrections</source>
            <translation>Corrections de noms de champ</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Keyring</source>
            <translation>Trousseau</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Data folder</source>
            <translation>Dossier de données</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Data key</source>
            <translation>Clé des données</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Outbox</source>
            <translation>Boîte d’envoi</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Settings from {user_file}; set by your organisation in {managed_file}: {names}.</source>
            <translation>Réglages de {user_file} ; fixés par votre organisation dans {managed_file} : {names}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Settings from {user_file}; no managed configuration at {managed_file}.</source>
            <translation>Réglages de {user_file} ; pas de configuration gérée dans {managed_file}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Sent under the names the managed configuration gives: {pairs}.</source>
            <translation>Envoyés sous les noms que donne la configuration gérée : {pairs}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The names of the vendor's reference are used (no corrections configured).</source>
            <translation>Les noms de la référence de l’éditeur sont utilisés (aucune correction configurée).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>No keyring that keeps secrets safe: {reason}</source>
            <translation>Aucun trousseau qui garde les secrets en sûreté : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The keyring cannot be used: {reason}</source>
            <translation>Le trousseau ne peut pas être utilisé : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Secrets are kept in: {backend}.</source>
            <translation>Les secrets sont gardés dans : {backend}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Keys kept in memory are lost when the program exits: use the system's keyring.</source>
            <translation>Les clés gardées en mémoire sont perdues à la fermeture du programme : utilisez le trousseau du système.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The data folder {path} cannot be written.</source>
            <translation>Le dossier de données {path} n’est pas accessible en écriture.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Give the station's user write access to it, or set data_dir to a folder it may write.</source>
            <translation>Donnez à l’utilisateur du poste le droit d’y écrire, ou indiquez dans data_dir un dossier où il peut écrire.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The stores in {path} cannot be checked ({reason}).</source>
            <translation>Les bases de {path} ne peuvent pas être vérifiées ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>{path}: {stores} missing or damaged.</source>
            <translation>{path} : {stores} manquantes ou endommagées.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Run 'intake data check' for what to do.</source>
            <translation>Lancez 'intake data check' pour savoir quoi faire.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>{path} is writable.</source>
            <translation>{path} est accessible en écriture.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>{reason}</source>
            <translation>{reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Not checked: no keyring to read it from.</source>
            <translation>Non vérifié : aucun trousseau où la lire.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Not checked: {reason}</source>
            <translation>Non vérifié : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The keyring holds no data key, and {count} stored records need it.</source>
            <translation>Le trousseau ne contient pas de clé des données, et des enregistrements en ont besoin : {count}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Restore it with 'intake credentials import-data-key FILE'.</source>
            <translation>Restaurez-la avec 'intake credentials import-data-key FICHIER'.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>None yet: it is made when the station first stores something.</source>
            <translation>Aucune pour l’instant : elle est créée quand le poste enregistre quelque chose pour la première fois.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The data key in the keyring does not open the stored data.</source>
            <translation>La clé des données du trousseau n’ouvre pas les données enregistrées.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Restore the right one with 'intake credentials import-data-key FILE'.</source>
            <translation>Restaurez la bonne avec 'intake credentials import-data-key FICHIER'.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Present in the keyring.</source>
            <translation>Présente dans le trousseau.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Empty.</source>
            <translation>Vide.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>The outbox cannot be read ({reason}).</source>
            <translation>La boîte d’envoi ne peut pas être lue ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>{waiting} waiting to be sent, {stuck} needing attention, {sent} sent.</source>
            <translation>À envoyer : {waiting} ; à traiter : {stuck} ; envoyés : {sent}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Sending is paused: {reason}</source>
            <translation>L’envoi est en pause : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/local.py" />
            <source>Open the outbox ('intake outbox list') and retry or correct those entries.</source>
            <translation>Ouvrez la boîte d’envoi ('intake outbox list') et relancez ou corrigez ces entrées.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Certificates</source>
            <translation>Certificats</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>API address</source>
            <translation>Adresse de l’API</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Files address</source>
            <translation>Adresse des fichiers</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>API key</source>
            <translation>Clé d’API</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>POS plan</source>
            <translation>Forfait du POS</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Clock</source>
            <translation>Horloge</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The system's certificate authorities are used.</source>
            <translation>Les autorités de certification du système sont utilisées.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The CA bundle {path} cannot be used ({reason}).</source>
            <translation>Le paquet d’AC {path} ne peut pas être utilisé ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Correct ca_bundle in the configuration, or remove it to use the system's certificates.</source>
            <translation>Corrigez ca_bundle dans la configuration, ou retirez-le pour utiliser les certificats du système.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Verified against the CA bundle {path}.</source>
            <translation>Vérifié avec le paquet d’AC {path}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>{url} uses plain http: the key and customers' data would travel unencrypted.</source>
            <translation>{url} utilise http en clair : la clé et les données des clients circuleraient sans chiffrement.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Use the https:// address; plain http is allowed only to this computer.</source>
            <translation>Utilisez l’adresse https:// ; http en clair n’est permis que vers cet ordinateur.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>{url} is not a valid https:// address.</source>
            <translation>{url} n’est pas une adresse https:// valide.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Correct the address in Settings or the configuration.</source>
            <translation>Corrigez l’adresse dans les Réglages ou la configuration.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not tried: the CA bundle cannot be used.</source>
            <translation>Non essayé : le paquet d’AC ne peut pas être utilisé.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The server's certificate is not valid for this computer: {reason}</source>
            <translation>Le certificat du serveur n’est pas valide pour cet ordinateur : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>If the store uses its own certificate authority, set its CA bundle in Settings; otherwise the network may be intercepting the connection.</source>
            <translation>Si le magasin utilise sa propre autorité de certification, indiquez son paquet d’AC dans les Réglages ; sinon, le réseau intercepte peut-être la connexion.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Cannot reach {url}: {reason}</source>
            <translation>Impossible de joindre {url} : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Check the address, the network and any firewall or proxy.</source>
            <translation>Vérifiez l’adresse, le réseau et tout pare-feu ou proxy.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Reachable over https, certificate valid (HTTP {status} without a key).</source>
            <translation>Joignable en https, certificat valide (HTTP {status} sans clé).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Reachable over plain http on this computer (HTTP {status} without a key).</source>
            <translation>Joignable en http en clair sur cet ordinateur (HTTP {status} sans clé).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not tried: the API address is not reachable.</source>
            <translation>Non essayé : l’adresse de l’API n’est pas joignable.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The key cannot be read from the keyring: {reason}</source>
            <translation>La clé ne peut pas être lue dans le trousseau : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>No API key is stored for {url}.</source>
            <translation>Aucune clé d’API n’est enregistrée pour {url}.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Enter it in Settings, or with 'intake credentials set'.</source>
            <translation>Saisissez-la dans les Réglages, ou avec 'intake credentials set'.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The connection settings cannot be used: {reason}</source>
            <translation>Les réglages de connexion ne peuvent pas être utilisés : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The POS refused the stored key.</source>
            <translation>Le POS a refusé la clé enregistrée.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Store the store's current key in Settings, or with 'intake credentials set'.</source>
            <translation>Enregistrez la clé actuelle du magasin dans les Réglages, ou avec 'intake credentials set'.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The key could not be tried: {reason}</source>
            <translation>La clé n’a pas pu être essayée : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Accepted (a read of the customer groups: {count}).</source>
            <translation>Acceptée (une lecture des groupes de clients : {count}).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not tried: the stored key could not be used.</source>
            <translation>Non essayé : la clé enregistrée n’a pas pu être utilisée.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The store's plan refuses the PRO-only calls: looking customers up by state ID and updating them.</source>
            <translation>Le forfait du magasin refuse les appels réservés au PRO : rechercher des clients par leur pièce d’identité et les mettre à jour.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Returning customers are not found by their ID and updates are refused; the vendor's PRO plan allows both.</source>
            <translation>Les clients qui reviennent ne sont pas retrouvés par leur pièce d’identité et les mises à jour sont refusées ; le forfait PRO de l’éditeur permet les deux.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>The plan could not be told: {reason}</source>
            <translation>Le forfait n’a pas pu être déterminé : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Lookup by state ID allowed; updates allowed with the same plan (not tried: it would change a record).</source>
            <translation>Recherche par pièce d’identité permise ; mises à jour permises avec le même forfait (non essayées : elles modifieraient un enregistrement).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not checked: the API server gave no Date.</source>
            <translation>Non vérifié : le serveur de l’API n’a pas donné de date (Date).</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Not checked: the API server's Date cannot be read.</source>
            <translation>Non vérifié : la date (Date) du serveur de l’API est illisible.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>This computer's clock is {seconds} s ahead of the server's.</source>
            <translation>L’horloge de cet ordinateur avance de {seconds} s sur celle du serveur.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>This computer's clock is {seconds} s behind the server's.</source>
            <translation>L’horloge de cet ordinateur retarde de {seconds} s sur celle du serveur.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Consent and audit times come from this clock: set it to synchronise with network time.</source>
            <translation>Les heures de consentement et d’audit viennent de cette horloge : réglez-la pour qu’elle se synchronise sur l’heure réseau.</translation>
        </message>
        <message>
            <location filename="../../app/doctor/network.py" />
            <source>Within {seconds} s of the server's.</source>
            <translation>À moins de {seconds} s de celle du serveur.</translation>
        </message>
    </context>
    <context>
        <name>Documents</name>
        <message>
            <location filename="../../app/documents.py" />
            <source>Images and PDF (*.jpg *.jpeg *.png *.pdf)</source>
            <translation>Images et PDF (*.jpg *.jpeg *.png *.pdf)</translation>
        </message>
        <message>
            <location filename="../../app/documents.py" />
            <source>{name} is empty</source>
            <translation>{name} est vide</translation>
        </message>
        <message>
            <location filename="../../app/documents.py" />
            <source>{name} is {size}; documents can be at most {limit}</source>
            <translation>{name} fait {size}; les documents font au plus {limit}</translation>
        </message>
        <message>
            <location filename="../../app/documents.py" />
            <source>{name} is not a JPEG, PNG or PDF file; scan or save it as one of those</source>
            <translation>{name} n'est pas un fichier JPEG, PNG ou PDF; numérisez-le ou enregistrez-le dans l'un de ces formats</translation>
        </message>
        <message>
            <location filename="../../app/documents.py" />
            <source>{name} cannot be read ({reason})</source>
            <translation>Impossible de lire {name} ({reason})</translation>
        </message>
    </context>
    <context>
        <name>DocumentsWidget</name>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>&amp;Add file…</source>
            <translation>&amp;Ajouter un fichier…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Add file</source>
            <translation>Ajouter un fichier</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>JPEG, PNG or PDF, up to {limit}. Drop files here, paste an image (Ctrl+V), or choose Add file.</source>
            <translation>JPEG, PNG ou PDF, jusqu’à {limit}. Déposez des fichiers ici, collez une image (Ctrl+V) ou choisissez Ajouter un fichier.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Scanned files</source>
            <translation>Fichiers numérisés</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Pasted image</source>
            <translation>Image collée</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>The clipboard holds no image or file to attach.</source>
            <translation>Le presse-papiers ne contient aucune image ni aucun fichier à joindre.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>&amp;From the scanner folder ({folder}) — Enter attaches:</source>
            <translation>&amp;Depuis le dossier du scanner ({folder}) ; Entrée joint :</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>No new scans in this folder.</source>
            <translation>Aucune nouvelle numérisation dans ce dossier.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>All files (*)</source>
            <translation>Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Add documents</source>
            <translation>Ajouter des documents</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Dropped image</source>
            <translation>Image déposée</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>{name} is already added</source>
            <translation>{name} est déjà ajouté</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Remove {name}</source>
            <translation>Retirer {name}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/documents.py" />
            <source>Type of {name}</source>
            <translation>Type de {name}</translation>
        </message>
    </context>
    <context>
        <name>DraftsBanner</name>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Open &amp;drafts</source>
            <translation>Ouvrir les &amp;brouillons</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Hide this notice</source>
            <translation>Masquer cet avis</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Hide the notice about unfinished intakes</source>
            <translation>Masquer l'avis sur les inscriptions inachevées</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>1 unfinished intake from earlier</source>
            <translation>1 inscription inachevée d'avant</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>%d unfinished intakes from earlier</source>
            <translation>%d inscriptions inachevées d'avant</translation>
        </message>
    </context>
    <context>
        <name>DraftsPanel</name>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Unfinished intakes</source>
            <translation>Inscriptions inachevées</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Intakes typed on this station and not submitted yet. Drafts not touched for %d days are removed automatically.</source>
            <translation>Inscriptions saisies à ce poste et pas encore soumises. Les brouillons non modifiés depuis %d jours sont supprimés automatiquement.</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Customer</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Last saved</source>
            <translation>Dernier enregistrement</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Step</source>
            <translation>Étape</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>&amp;Resume</source>
            <translation>&amp;Reprendre</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>&amp;Delete…</source>
            <translation>&amp;Supprimer…</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>The drafts could not be read: %s</source>
            <translation>Impossible de lire les brouillons : %s</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>No unfinished intakes.</source>
            <translation>Aucune inscription inachevée.</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Delete draft</source>
            <translation>Supprimer le brouillon</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Delete the unfinished intake of %s? What was typed is lost.</source>
            <translation>Supprimer l'inscription inachevée de %s? Ce qui a été saisi sera perdu.</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>The draft was deleted.</source>
            <translation>Le brouillon a été supprimé.</translation>
        </message>
        <message>
            <location filename="../../ui/drafts_panel.py" />
            <source>The draft could not be deleted: %s</source>
            <translation>Impossible de supprimer le brouillon : %s</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <location filename="../../app/fields.py" />
            <source>First name</source>
            <translation>Prénom</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Last name</source>
            <translation>Nom de famille</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Middle name</source>
            <translation>Second prénom</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Nickname</source>
            <translation>Surnom</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Date of birth</source>
            <translation>Date de naissance</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Gender</source>
            <translation>Sexe</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Cell phone</source>
            <translation>Cellulaire</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Home phone</source>
            <translation>Téléphone à domicile</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Work phone</source>
            <translation>Téléphone au travail</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Email</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>State ID number</source>
            <translation>Numéro de pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>ID type</source>
            <translation>Type de pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Has a medical recommendation</source>
            <translation>A une recommandation médicale</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Recommendation number</source>
            <translation>Numéro de recommandation</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Recommendation expires</source>
            <translation>Expiration de la recommandation</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical ID</source>
            <translation>Carte médicale</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Physician licence</source>
            <translation>Permis du médecin</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Customer type</source>
            <translation>Type de client</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Amount limit</source>
            <translation>Limite de quantité</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Referral source</source>
            <translation>Source de recommandation</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Street address</source>
            <translation>Adresse municipale</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Apartment, suite</source>
            <translation>Appartement, bureau</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>City</source>
            <translation>Ville</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>State or province</source>
            <translation>Province ou État</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>ZIP or postal code</source>
            <translation>Code postal ou ZIP</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Country</source>
            <translation>Pays</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Offers by mail</source>
            <translation>Offres par la poste</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Offers by email</source>
            <translation>Offres par courriel</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Offers by text message</source>
            <translation>Offres par texto</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Offers by phone call</source>
            <translation>Offres par appel téléphonique</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Customer groups</source>
            <translation>Groupes de clients</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Male</source>
            <translation>Masculin</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Female</source>
            <translation>Féminin</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Unspecified</source>
            <translation>Non précisé</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Driver's licence</source>
            <translation>Permis de conduire</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>State ID card</source>
            <translation>Carte d'identité</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Passport</source>
            <translation>Passeport</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Military ID</source>
            <translation>Carte d'identité militaire</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Walked in</source>
            <translation>Passage en magasin</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>A friend</source>
            <translation>Un ami</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Online</source>
            <translation>En ligne</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Advertising</source>
            <translation>Publicité</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Recreational</source>
            <translation>Récréatif</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical</source>
            <translation>Médical</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Caregiver</source>
            <translation>Aidant</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical, with recommendation</source>
            <translation>Médical, avec recommandation</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical, with state card</source>
            <translation>Médical, avec carte gouvernementale</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Adult</source>
            <translation>Adulte</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Minor</source>
            <translation>Mineur</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Temporary adult</source>
            <translation>Adulte temporaire</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Temporary minor</source>
            <translation>Mineur temporaire</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>ID document</source>
            <translation>Pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Medical document</source>
            <translation>Document médical</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>United States</source>
            <translation>États-Unis</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Canada</source>
            <translation>Canada</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>ID expires</source>
            <translation>Expiration de la pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Document type</source>
            <translation>Type de document</translation>
        </message>
        <message>
            <location filename="../../app/fields.py" />
            <source>Document file</source>
            <translation>Fichier du document</translation>
        </message>
    </context>
    <context>
        <name>GroupsWidget</name>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Search groups</source>
            <translation>Rechercher des groupes</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Customer groups</source>
            <translation>Groupes de clients</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Loading groups…</source>
            <translation>Chargement des groupes…</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>No groups</source>
            <translation>Aucun groupe</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>unexpected error</source>
            <translation>erreur inattendue</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Could not load groups: {reason}</source>
            <translation>Impossible de charger les groupes : {reason}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Offline: showing the groups saved on {date}</source>
            <translation>Hors ligne : affichage des groupes enregistrés le {date}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Offline: showing the saved groups</source>
            <translation>Hors ligne : affichage des groupes enregistrés</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Could not load groups ({reason}); showing the groups saved on {date}</source>
            <translation>Impossible de charger les groupes ({reason}); affichage des groupes enregistrés le {date}</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/groups.py" />
            <source>Could not load groups ({reason}); showing the saved groups</source>
            <translation>Impossible de charger les groupes ({reason}); affichage des groupes enregistrés</translation>
        </message>
    </context>
    <context>
        <name>IdScan</name>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>This is not a driver's licence or ID card barcode: scan the barcode on the back of the card.</source>
            <translation>Ce n'est pas le code-barres d'un permis de conduire ou d'une carte d'identité : balayez le code-barres au dos de la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The card's barcode was read but holds no usable data: scan it again or type the details.</source>
            <translation>Le code-barres de la carte a été lu, mais il ne contient aucune donnée utilisable : balayez-le de nouveau ou saisissez les renseignements.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The first name is missing from the barcode: type it from the card.</source>
            <translation>Le prénom manque dans le code-barres : saisissez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The last name is missing from the barcode: type it from the card.</source>
            <translation>Le nom de famille manque dans le code-barres : saisissez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The sex is missing from the barcode: type it from the card.</source>
            <translation>Le sexe manque dans le code-barres : saisissez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ID number is missing from the barcode: type it from the card.</source>
            <translation>Le numéro de la pièce d'identité manque dans le code-barres : saisissez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The date of birth is missing from the barcode: type it from the card.</source>
            <translation>La date de naissance manque dans le code-barres : saisissez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The expiry date is missing from the barcode: type it from the card.</source>
            <translation>La date d'expiration manque dans le code-barres : saisissez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The issue date is missing from the barcode: type it from the card.</source>
            <translation>La date de délivrance manque dans le code-barres : saisissez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The date of birth on the barcode cannot be read: type it from the card.</source>
            <translation>La date de naissance du code-barres est illisible : saisissez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The expiry date on the barcode cannot be read: type it from the card.</source>
            <translation>La date d'expiration du code-barres est illisible : saisissez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The issue date on the barcode cannot be read: type it from the card.</source>
            <translation>La date de délivrance du code-barres est illisible : saisissez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The first name was shortened to fit on the card: check it against the card.</source>
            <translation>Le prénom a été abrégé pour tenir sur la carte : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The middle name was shortened to fit on the card: check it against the card.</source>
            <translation>Le second prénom a été abrégé pour tenir sur la carte : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The last name was shortened to fit on the card: check it against the card.</source>
            <translation>Le nom de famille a été abrégé pour tenir sur la carte : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The last name was read from a damaged part of the barcode: check it against the card.</source>
            <translation>Le nom de famille a été lu dans une partie abîmée du code-barres : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The first name was read from a damaged part of the barcode: check it against the card.</source>
            <translation>Le prénom a été lu dans une partie abîmée du code-barres : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The middle name was read from a damaged part of the barcode: check it against the card.</source>
            <translation>Le deuxième prénom a été lu dans une partie abîmée du code-barres : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The name was read from a damaged part of the barcode: check it against the card.</source>
            <translation>Le nom complet a été lu dans une partie abîmée du code-barres : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ID number was read from a damaged part of the barcode: check it against the card.</source>
            <translation>Le numéro de la pièce a été lu dans une partie abîmée du code-barres : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The date of birth was read from a damaged part of the barcode: check it against the card.</source>
            <translation>La date de naissance a été lue dans une partie abîmée du code-barres : vérifiez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The expiry date was read from a damaged part of the barcode: check it against the card.</source>
            <translation>La date d'expiration a été lue dans une partie abîmée du code-barres : vérifiez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The sex was read from a damaged part of the barcode: check it against the card.</source>
            <translation>Le sexe a été lu dans une partie abîmée du code-barres : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The address was read from a damaged part of the barcode: check it against the card.</source>
            <translation>L'adresse a été lue dans une partie abîmée du code-barres : vérifiez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ZIP or postal code was read from a damaged part of the barcode: check it against the card.</source>
            <translation>Le code postal a été lu dans une partie abîmée du code-barres : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The scan looks cut off: scan the card again, or check every field against the card.</source>
            <translation>Le scan semble coupé : scannez la carte à nouveau, ou vérifiez chaque champ d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The card gives the name suffix "{suffix}": it was added to the last name.</source>
            <translation>La carte indique le suffixe de nom « {suffix} » : il a été ajouté au nom de famille.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The customer is {age}, under the minimum age of {minimum} for recreational customers in {jurisdiction}.</source>
            <translation>Le client a {age} ans, sous l'âge minimal de {minimum} ans pour les clients récréatifs en {jurisdiction}.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The customer is {age}, under the minimum age of {minimum} for medical customers in {jurisdiction}.</source>
            <translation>Le client a {age} ans, sous l'âge minimal de {minimum} ans pour les clients médicaux en {jurisdiction}.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The customer is {age}, under the minimum age of {minimum} for {kind} customers in {jurisdiction}.</source>
            <translation>Le client a {age} ans, sous l'âge minimal de {minimum} ans pour les clients de type « {kind} » en {jurisdiction}.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The card writes the full name without separators: check the first and last name against the card.</source>
            <translation>La carte écrit le nom complet sans séparateurs : vérifiez le prénom et le nom de famille d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ZIP or postal code on the barcode is unusual: check it against the card.</source>
            <translation>Le code postal du code-barres est inhabituel : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The ID number is longer than {max} characters: check it against the card.</source>
            <translation>Le numéro de la pièce d'identité dépasse {max} caractères : vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The date of birth is in the future: check it against the card.</source>
            <translation>La date de naissance est dans le futur : vérifiez-la d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>The barcode does not say whether this is a driver's licence or an ID card.</source>
            <translation>Le code-barres n'indique pas s'il s'agit d'un permis de conduire ou d'une carte d'identité.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/aamva.py" />
            <source>This ID expired on {date}: ask for a valid ID.</source>
            <translation>Cette pièce d'identité a expiré le {date} : demandez une pièce valide.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/image.py" />
            <source>No ID card barcode was found in the image: photograph the back of the card flat, in focus and filling most of the picture.</source>
            <translation>Aucun code-barres de carte d'identité n'a été trouvé dans l'image : photographiez le dos de la carte à plat, net et occupant la plus grande partie de la photo.</translation>
        </message>
        <message>
            <location filename="../../app/idscan/image.py" />
            <source>The image file cannot be read: use a PNG or JPEG photo of the card.</source>
            <translation>Le fichier image est illisible : utilisez une photo PNG ou JPEG de la carte.</translation>
        </message>
    </context>
    <context>
        <name>IdScanFeature</name>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Sc&amp;an ID (F2)</source>
            <translation>&amp;Balayer la pièce d'identité (F2)</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Scan ID</source>
            <translation>Balayer la pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read fr&amp;om image…</source>
            <translation>Lire à partir d'une i&amp;mage…</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read ID from image</source>
            <translation>Lire la pièce d'identité à partir d'une image</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Scan the barcode on the back of the ID, or paste its text here</source>
            <translation>Balayez le code-barres au dos de la pièce d'identité ou collez-en le texte ici</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>ID barcode</source>
            <translation>Code-barres de la pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>ID scan</source>
            <translation>Lecture de la pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;Scan ID</source>
            <translation>&amp;Balayer la pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read ID from &amp;image…</source>
            <translation>Lire la pièce d'identité à partir d'une &amp;image…</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>ID scanned</source>
            <translation>Pièce d’identité scannée</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>An ID was scanned while a customer is on screen.</source>
            <translation>Une pièce d’identité a été scannée alors qu’un client est à l’écran.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Start a new customer with this ID (the one on screen stays in drafts), or fill the customer on screen with it?</source>
            <translation>Commencer un nouveau client avec cette pièce (celui à l’écran reste dans les brouillons), ou remplir le client à l’écran avec elle ?</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;New customer</source>
            <translation>&amp;Nouveau client</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;Fill this customer</source>
            <translation>&amp;Remplir ce client</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Could not read the ID barcode: %s</source>
            <translation>Impossible de lire le code-barres de la pièce d'identité : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Could not read the ID barcode: scan it again or type the details.</source>
            <translation>Impossible de lire le code-barres de la pièce d'identité : balayez-le de nouveau ou saisissez les renseignements.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
            <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Reading the image…</source>
            <translation>Lecture de l'image…</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>the image could not be read.</source>
            <translation>l'image n'a pas pu être lue.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read from the ID: 1 field filled. Check it against the card.</source>
            <translation>Lu sur la pièce d'identité : 1 champ rempli. Vérifiez-le d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read from the ID: %d fields filled. Check them against the card.</source>
            <translation>Lu sur la pièce d'identité : %d champs remplis. Vérifiez-les d'après la carte.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Read from the ID</source>
            <translation>Lu sur la pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>The duplicate check could not run.</source>
            <translation>La vérification des doublons n'a pas pu être faite.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>A customer with this state ID, name and date of birth already exists in the POS%s.</source>
            <translation>Un client avec cette pièce d'identité, ce nom et cette date de naissance existe déjà dans le PDV%s.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>A customer with this state ID already exists in the POS%s.</source>
            <translation>Un client avec cette pièce d'identité existe déjà dans le PDV%s.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>the same state ID, name and date of birth</source>
            <translation>la même pièce d'identité, le même nom et la même date de naissance</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>the same state ID</source>
            <translation>la même pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>the same name and date of birth</source>
            <translation>le même nom et la même date de naissance</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>An intake with %s was created at this station on %s%s.</source>
            <translation>Une inscription avec %s a été créée à ce poste le %s%s.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Checking for duplicates…</source>
            <translation>Recherche de doublons…</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>Possible duplicate</source>
            <translation>Doublon possible</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>This customer may already exist.</source>
            <translation>Ce client existe peut-être déjà.</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;Continue</source>
            <translation>&amp;Continuer</translation>
        </message>
        <message>
            <location filename="../../ui/features/idscan.py" />
            <source>&amp;Open the existing customer</source>
            <translation>&amp;Ouvrir le client existant</translation>
        </message>
    </context>
    <context>
        <name>IntakeSession</name>
        <message>
            <location filename="../../ui/session.py" />
            <source>The draft could not be saved: %s</source>
            <translation>Impossible d'enregistrer le brouillon : %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The draft could not be opened: %s</source>
            <translation>Impossible d'ouvrir le brouillon : %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Documents cannot be added by an update: remove them here, and attach them in the POS.</source>
            <translation>Une mise à jour ne peut pas ajouter de documents : retirez-les ici et joignez-les dans le PDV.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Nothing changed: customer #%s checked in. Ready for the next customer.</source>
            <translation>Rien n'a changé : client nº %s accueilli. Prêt pour le client suivant.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Sending the update…</source>
            <translation>Envoi de la mise à jour…</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Sending…</source>
            <translation>Envoi…</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>another sender is sending the outbox right now; this intake goes with the next round, in a few seconds</source>
            <translation>un autre expéditeur envoie la boîte d’envoi en ce moment ; cette fiche part à la prochaine tournée, dans quelques secondes</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Customer created: #%s (%s). Ready for the next customer.</source>
            <translation>Client créé : nº %s (%s). Prêt pour le prochain client.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Saved in the outbox, not sent yet: %s</source>
            <translation>Enregistré dans la boîte d'envoi, pas encore envoyé : %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Saved for sending: the POS is not reachable now. The intake waits in the outbox and is sent as soon as the connection is back.</source>
            <translation>Enregistré pour l'envoi : le PDV est injoignable pour l'instant. L'inscription attend dans la boîte d'envoi et sera envoyée dès le retour de la connexion.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The POS already holds a customer with this state ID. If the number is right, this is a returning customer: open it with Find customer (Ctrl+F) to check it in or update it; if not, correct the number and submit again.</source>
            <translation>Le POS a déjà un client avec ce numéro de pièce d’identité. Si le numéro est juste, c’est un client qui revient : ouvrez-le avec Chercher un client (Ctrl+F) pour l’enregistrer ou le mettre à jour ; sinon, corrigez le numéro et soumettez à nouveau.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The POS refused the record. Fix the fields marked below and submit again.</source>
            <translation>Le PDV a refusé la fiche. Corrigez les champs signalés ci-dessous et soumettez de nouveau.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The intake could not be sent: %s</source>
            <translation>L'inscription n'a pas pu être envoyée : %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Customer #%s updated. Ready for the next customer.</source>
            <translation>Client nº %s mis à jour. Prêt pour le client suivant.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The update is saved in the outbox, not sent yet: %s</source>
            <translation>La mise à jour est enregistrée dans la boîte d'envoi, pas encore envoyée : %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The update waits in the outbox: the POS is not reachable now. It is sent as soon as the connection is back.</source>
            <translation>La mise à jour attend dans la boîte d'envoi : le PDV est injoignable pour l'instant. Elle sera envoyée dès le retour de la connexion.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The POS refused the update. Fix the fields marked below and submit again.</source>
            <translation>Le PDV a refusé la mise à jour. Corrigez les champs indiqués et soumettez-la de nouveau.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The update could not be sent: %s</source>
            <translation>La mise à jour n'a pas pu être envoyée : %s</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>Not queued: %s The intake stays here; submit it again once an admin has fixed the setting.</source>
            <translation>Non mis en file d'attente : %s L'inscription reste ici ; soumettez-la de nouveau lorsqu'un administrateur aura corrigé le réglage.</translation>
        </message>
        <message>
            <location filename="../../ui/session.py" />
            <source>The intake could not be queued: %s</source>
            <translation>L'inscription n'a pas pu être mise en file d'attente : %s</translation>
        </message>
    </context>
    <context>
        <name>Launch</name>
        <message>
            <location filename="../../ui/launch.py" />
            <source>Something went wrong ({kind}). What you typed is kept as a draft; you can carry on, or restart the program if this happens again.</source>
            <translation>Un problème est survenu ({kind}). Ce que vous avez saisi est conservé comme brouillon; vous pouvez continuer, ou redémarrer le programme si cela se reproduit.</translation>
        </message>
        <message>
            <location filename="../../ui/launch.py" />
            <source>The program could not start ({kind}).</source>
            <translation>Le programme n'a pas pu démarrer ({kind}).</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/features/audit.py" />
            <source>The audit trail could not be written: %s</source>
            <translation>Impossible d'écrire dans le journal d'audit : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/audit.py" />
            <source>The audit trail cannot be opened: %s</source>
            <translation>Impossible d'ouvrir le journal d'audit : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/audit.py" />
            <source>&amp;Audit trail…</source>
            <translation>&amp;Journal d'audit…</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Clerk on shift</source>
            <translation>Commis de service</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Clerk: %s</source>
            <translation>Commis : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>No clerk on shift</source>
            <translation>Aucun commis de service</translation>
        </message>
        <message>
            <location filename="../../ui/features/clerk.py" />
            <source>Change &amp;clerk…</source>
            <translation>Changer de &amp;commis…</translation>
        </message>
        <message>
            <location filename="../../ui/features/diagnostics.py" />
            <source>Help</source>
            <translation>Aide</translation>
        </message>
        <message>
            <location filename="../../ui/features/diagnostics.py" />
            <source>&amp;Diagnostics…</source>
            <translation>&amp;Diagnostic…</translation>
        </message>
        <message>
            <location filename="../../ui/features/drafts.py" />
            <source>&amp;Drafts…</source>
            <translation>B&amp;rouillons…</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Open the outbox (Ctrl+Shift+O)</source>
            <translation>Ouvrir la boîte d'envoi (Ctrl+Maj+O)</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>POS not contacted yet</source>
            <translation>PDV pas encore contacté</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Online</source>
            <translation>En ligne</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Offline — intakes are kept and sent when the POS is reachable</source>
            <translation>Hors ligne — les inscriptions sont conservées et envoyées quand le PDV est joignable</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>The POS server is having trouble — intakes are kept and retried</source>
            <translation>Le serveur du PDV a des difficultés — les inscriptions sont conservées et renvoyées</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Paused: the POS refused the API key</source>
            <translation>En pause : le PDV a refusé la clé d'API</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Paused: no API key is stored for this station</source>
            <translation>En pause : aucune clé d'API n'est enregistrée pour ce poste</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>%d waiting</source>
            <translation>%d en attente</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>1 needs attention</source>
            <translation>1 demande votre attention</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>%d need attention</source>
            <translation>%d demandent votre attention</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>Outbox: %s</source>
            <translation>Boîte d'envoi : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>nothing waiting</source>
            <translation>rien en attente</translation>
        </message>
        <message>
            <location filename="../../ui/features/outbox.py" />
            <source>&amp;Outbox…</source>
            <translation>&amp;Boîte d'envoi…</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <location filename="../../ui/main_window.py" />
            <source>Customer intake</source>
            <translation>Inscription des clients</translation>
        </message>
        <message>
            <location filename="../../ui/features/settings.py" />
            <source>&amp;Settings…</source>
            <translation>&amp;Paramètres…</translation>
        </message>
        <message>
            <location filename="../../ui/features/settings.py" />
            <source>Settings saved. Some changes apply after the program restarts: %s</source>
            <translation>Paramètres enregistrés. Certains changements s'appliquent au redémarrage du programme : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/settings.py" />
            <source>Settings saved.</source>
            <translation>Paramètres enregistrés.</translation>
        </message>
        <message>
            <location filename="../../ui/launch.py" />
            <source>demo (sandbox)</source>
            <translation>démonstration (bac à sable)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>needs input</source>
            <translation>à compléter</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>complete</source>
            <translation>complet</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>optional</source>
            <translation>facultatif</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>not needed for this customer</source>
            <translation>inutile pour ce client</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>Steps</source>
            <translation>Étapes</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>Alt+%d</source>
            <translation>Alt+%d</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Back</source>
            <translation>&amp;Précédent</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Next</source>
            <translation>&amp;Suivant</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Submit</source>
            <translation>Sou&amp;mettre</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Intake</source>
            <translation>&amp;Inscription</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;New intake</source>
            <translation>&amp;Nouvelle inscription</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>&amp;Tools</source>
            <translation>&amp;Outils</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>has problems</source>
            <translation>comporte des erreurs</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" />
            <source>%s (proposed)</source>
            <translation>%s (proposé)</translation>
        </message>
    </context>
    <context>
        <name>Outbox</name>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Update waiting to send</source>
            <translation>Mise à jour en attente d'envoi</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Waiting to send</source>
            <translation>En attente d'envoi</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending documents</source>
            <translation>Envoi des documents</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending</source>
            <translation>Envoi en cours</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Updated #%1</source>
            <translation>Client nº %1 mis à jour</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Created #%1 (%2)</source>
            <translation>Client nº %1 créé (%2)</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Created #%1</source>
            <translation>Client nº %1 créé</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Needs attention</source>
            <translation>Demande votre attention</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Now</source>
            <translation>Maintenant</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>(no name)</source>
            <translation>(sans nom)</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>This intake is being sent right now. Try again when the send has finished.</source>
            <translation>Cette inscription est en cours d'envoi. Réessayez quand l'envoi sera terminé.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>This intake is no longer in the outbox (it was discarded or cleaned up).</source>
            <translation>Cette inscription n'est plus dans la boîte d'envoi (elle a été abandonnée ou nettoyée).</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>That cannot be done to this intake any more: %1</source>
            <translation>Cette action n'est plus possible pour cette inscription : %1</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The outbox could not be changed: %1</source>
            <translation>La boîte d'envoi n'a pas pu être modifiée : %1</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>it is %1 now</source>
            <translation>elle est maintenant « %1 »</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Correct the intake and submit it again.</source>
            <translation>Corrigez l'inscription et soumettez-la de nouveau.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending is paused: %1</source>
            <translation>L'envoi est en pause : %1</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Another sender is working on the outbox right now.</source>
            <translation>Un autre envoi traite la boîte d'envoi en ce moment.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The POS is not reachable; the intakes wait in the outbox.</source>
            <translation>Le PDV est injoignable; les inscriptions attendent dans la boîte d'envoi.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Nothing was waiting to be sent.</source>
            <translation>Rien n'attendait d'être envoyé.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sent %1, created %2.</source>
            <translation>Envoyées : %1, créées : %2.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>%1 need attention.</source>
            <translation>%1 demandent votre attention.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>%1 will be retried.</source>
            <translation>%1 seront renvoyées.</translation>
        </message>
    </context>
    <context>
        <name>OutboxPanel</name>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Outbox</source>
            <translation>Boîte d'envoi</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Customer</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Attempts</source>
            <translation>Tentatives</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Next attempt</source>
            <translation>Prochaine tentative</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Last error</source>
            <translation>Dernière erreur</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Intakes in the outbox</source>
            <translation>Inscriptions dans la boîte d'envoi</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The outbox is empty: every intake has been sent.</source>
            <translation>La boîte d'envoi est vide : toutes les inscriptions ont été envoyées.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>&amp;Retry</source>
            <translation>&amp;Réessayer</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Send the selected intake again as it is</source>
            <translation>Renvoyer l'inscription sélectionnée telle quelle</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>&amp;Open in form</source>
            <translation>&amp;Ouvrir dans le formulaire</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Put the selected intake back in the form to correct it</source>
            <translation>Remettre l'inscription sélectionnée dans le formulaire pour la corriger</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>&amp;Discard…</source>
            <translation>A&amp;bandonner…</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Remove the selected intake from the outbox</source>
            <translation>Retirer l'inscription sélectionnée de la boîte d'envoi</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Res&amp;ume sending</source>
            <translation>Repren&amp;dre l'envoi</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Send again after an admin stored the right API key</source>
            <translation>Renvoyer après qu'un administrateur a enregistré la bonne clé d'API</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>&amp;Send now</source>
            <translation>&amp;Envoyer maintenant</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Try every waiting intake now</source>
            <translation>Tenter maintenant toutes les inscriptions en attente</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The outbox could not be read: %s</source>
            <translation>Impossible de lire la boîte d'envoi : %s</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending is paused. %s</source>
            <translation>L'envoi est en pause. %s</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending the intake again.</source>
            <translation>Nouvel envoi de l'inscription.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Discard intake</source>
            <translation>Abandonner l'inscription</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Remove %s from the outbox? What was typed for this intake is lost.</source>
            <translation>Retirer %s de la boîte d'envoi? Ce qui a été saisi pour cette inscription sera perdu.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>The intake was removed from the outbox.</source>
            <translation>L'inscription a été retirée de la boîte d'envoi.</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending…</source>
            <translation>Envoi…</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Nothing could be sent: %s</source>
            <translation>Rien n'a pu être envoyé : %s</translation>
        </message>
        <message>
            <location filename="../../ui/outbox_panel.py" />
            <source>Sending resumed.</source>
            <translation>Envoi repris.</translation>
        </message>
    </context>
    <context>
        <name>Returning</name>
        <message>
            <location filename="../../app/returning.py" />
            <source>ID valid until {date}</source>
            <translation>Pièce d'identité valide jusqu'au {date}</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>ID expires on {date}, in {days} days: remind the customer to renew it</source>
            <translation>La pièce d'identité expire le {date}, dans {days} jours : rappelez au client de la renouveler</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>ID expired on {date}: ask for a valid ID</source>
            <translation>La pièce d'identité a expiré le {date} : demandez une pièce valide</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>ID expiry unknown: scan the licence to check it</source>
            <translation>Expiration de la pièce d'identité inconnue : scannez le permis pour la vérifier</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Recommendation valid until {date}</source>
            <translation>Recommandation valide jusqu'au {date}</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Recommendation expires on {date}, in {days} days: ask whether a renewal is on its way</source>
            <translation>La recommandation expire le {date}, dans {days} jours : demandez si un renouvellement est en cours</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Recommendation expired on {date}: enter the new recommendation number and expiry date</source>
            <translation>La recommandation a expiré le {date} : saisissez le numéro et la date d'expiration de la nouvelle recommandation</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>No recommendation expiry on record: enter the recommendation's expiry date</source>
            <translation>Aucune date d'expiration de recommandation au dossier : saisissez-la</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Age {age}: old enough for this customer type (at least {minimum})</source>
            <translation>Âge {age} : suffisant pour ce type de client (au moins {minimum})</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Age {age}: this customer type needs at least {minimum} here; change the customer type</source>
            <translation>Âge {age} : ce type de client exige au moins {minimum} ici; changez le type de client</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Date of birth missing or unreadable: enter it from the ID</source>
            <translation>Date de naissance absente ou illisible : saisissez-la d'après la pièce d'identité</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>The customer type {type} is not one of this jurisdiction's: choose the right type</source>
            <translation>Le type de client {type} n'existe pas ici : choisissez le bon type</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Verified in the POS</source>
            <translation>Vérifié dans le PDV</translation>
        </message>
        <message>
            <location filename="../../app/returning.py" />
            <source>Pending in the POS: the POS has not verified this customer yet</source>
            <translation>En attente dans le PDV : le PDV n'a pas encore vérifié ce client</translation>
        </message>
    </context>
    <context>
        <name>ReturningCustomerView</name>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>Returning customer</source>
            <translation>Client de retour</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>(no name)</source>
            <translation>(sans nom)</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>POS customer</source>
            <translation>Client du PDV</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>verified</source>
            <translation>vérifié</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>pending</source>
            <translation>en attente</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>Status in the POS</source>
            <translation>Statut dans le PDV</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>Marketing</source>
            <translation>Marketing</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>none</source>
            <translation>aucun</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>&amp;Update customer</source>
            <translation>&amp;Mettre à jour le client</translation>
        </message>
        <message>
            <location filename="../../ui/returning_view.py" />
            <source>&amp;Nothing to change</source>
            <translation>&amp;Rien à changer</translation>
        </message>
    </context>
    <context>
        <name>ReturningFeature</name>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>&amp;Find customer…</source>
            <translation>&amp;Chercher un client…</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Find by name and &amp;birth date</source>
            <translation>Chercher par nom et date de &amp;naissance</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Find customer</source>
            <translation>Chercher un client</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>State ID (driver's licence or ID card number):</source>
            <translation>Numéro de pièce d'identité (permis de conduire ou carte d'identité) :</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>No customer in the POS holds this state ID.</source>
            <translation>Aucun client du PDV n'a ce numéro de pièce d'identité.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>The store's POS plan does not allow looking customers up or updating them (the vendor's PRO plan does). The station goes on creating customers, and warns of duplicates it knows of itself.</source>
            <translation>Le forfait PDV du magasin ne permet pas de chercher ni de mettre à jour les clients (le forfait PRO du fournisseur le permet). Le poste continue de créer des clients et signale les doublons qu'il connaît lui-même.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>The POS could not be asked about this customer: %s</source>
            <translation>Le PDV n'a pas pu être interrogé sur ce client : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Looking the customer up…</source>
            <translation>Recherche du client…</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Type the first name, last name and date of birth first.</source>
            <translation>Saisissez d'abord le prénom, le nom et la date de naissance.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>An intake for this person is still waiting in the outbox (%s): it counts as already here.</source>
            <translation>Une inscription de cette personne attend encore dans la boîte d'envoi (%s) : elle compte comme déjà là.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>This station knows no customer with this name and date of birth.</source>
            <translation>Ce poste ne connaît aucun client avec ce nom et cette date de naissance.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>The station's records could not be searched: %s</source>
            <translation>Les registres du poste n'ont pas pu être consultés : %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Customer #%s checked in: nothing to change.</source>
            <translation>Client nº %s accueilli : rien à changer.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Updating customer #%s: change what is needed; Review lists the changes; Submit sends them.</source>
            <translation>Mise à jour du client nº %s : changez ce qu'il faut; la Vérification liste les changements; Soumettre les envoie.</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>updating customer #%s</source>
            <translation>mise à jour du client nº %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Changes to customer #%s</source>
            <translation>Changements du client nº %s</translation>
        </message>
        <message>
            <location filename="../../ui/features/returning.py" />
            <source>Changed from the customer's record in the POS</source>
            <translation>Changé par rapport à la fiche du client dans le PDV</translation>
        </message>
    </context>
    <context>
        <name>Review</name>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>As it will be sent to the POS:</source>
            <translation>Tel qu'il sera envoyé au PDV :</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Request body</source>
            <translation>Corps de la requête</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Fix these steps before submitting: {steps}</source>
            <translation>Corrigez ces étapes avant de soumettre : {steps}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Edit</source>
            <translation>Modifier</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Edit {step}</source>
            <translation>Modifier {step}</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>In the POS</source>
            <translation>Dans le PDV</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>New</source>
            <translation>Nouveau</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Nothing changed: Submit checks the customer in.</source>
            <translation>Rien n'a changé : Soumettre accueille le client.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>As it will be sent to the POS (only the changes):</source>
            <translation>Tel qu'il sera envoyé au PDV (seulement les changements) :</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Shown once every step is complete.</source>
            <translation>Affiché une fois toutes les étapes remplies.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>(uploaded first, then listed here by file id)</source>
            <translation>(téléversés d'abord, puis listés ici par id. de fichier)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>Yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <location filename="../../ui/pages/review.py" />
            <source>No</source>
            <translation>Non</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The files URL is on another server than the API URL: documents would not be sent, because the API key goes only to the API's server. Correct the files URL, or allow the key to go to the files server.</source>
            <translation>L'URL des fichiers est sur un autre serveur que l'URL de l'API : les documents ne seraient pas envoyés, car la clé d'API ne va qu'au serveur de l'API. Corrigez l'URL des fichiers, ou autorisez l'envoi de la clé au serveur des fichiers.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>No folder at {folder}.</source>
            <translation>Aucun dossier à l'emplacement {folder}.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>{folder} is a file, not a folder.</source>
            <translation>{folder} est un fichier, pas un dossier.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The folder {folder} cannot be read ({reason}).</source>
            <translation>Le dossier {folder} ne peut pas être lu ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The folder {folder} cannot be read: this user may not open it.</source>
            <translation>Le dossier {folder} ne peut pas être lu : cet utilisateur n'a pas le droit de l'ouvrir.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>Enter the {what}.</source>
            <translation>Saisissez la valeur : {what}.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The {what} must be a number.</source>
            <translation>La valeur « {what} » doit être un nombre.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The {what} must be a whole number.</source>
            <translation>La valeur « {what} » doit être un nombre entier.</translation>
        </message>
        <message>
            <location filename="../../app/settings_rules.py" />
            <source>The {what} must be between {low} and {high}.</source>
            <translation>La valeur « {what} » doit être entre {low} et {high}.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Connection to the POS</source>
            <translation>Connexion au PDV</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The system's certificates</source>
            <translation>Les certificats du système</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Bro&amp;wse…</source>
            <translation>Parco&amp;urir…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;API URL</source>
            <translation>URL de l'&amp;API</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;Files URL</source>
            <translation>URL des &amp;fichiers</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Also send the API key to the files URL's server</source>
            <translation>Envoyer aussi la clé d'API au serveur de l'URL des fichiers</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Only if the POS vendor serves files from another server than the API.</source>
            <translation>Seulement si le fournisseur du POS sert les fichiers depuis un autre serveur que l'API.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;CA bundle</source>
            <translation>Ensemble d'&amp;AC</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Only if the store uses its own certificate authority.</source>
            <translation>Seulement si le magasin utilise sa propre autorité de certification.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;Timeout (seconds)</source>
            <translation>&amp;Délai d'attente (secondes)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>API key</source>
            <translation>Clé d'API</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Checking the keyring…</source>
            <translation>Vérification du trousseau…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Re&amp;move stored key</source>
            <translation>&amp;Retirer la clé enregistrée</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>API &amp;key</source>
            <translation>&amp;Clé d'API</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Te&amp;st connection</source>
            <translation>&amp;Tester la connexion</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Checks the URL and the key with the POS.</source>
            <translation>Vérifie l'URL et la clé auprès du PDV.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>This store</source>
            <translation>Ce magasin</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;Jurisdiction</source>
            <translation>&amp;Juridiction</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Largest &amp;document (MB)</source>
            <translation>Document le plus &amp;volumineux (Mo)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Keep d&amp;rafts (days)</source>
            <translation>Conserver les &amp;brouillons (jours)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Unsent drafts older than this are deleted.</source>
            <translation>Les brouillons non envoyés plus anciens sont supprimés.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>None</source>
            <translation>Aucun</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>C&amp;hoose…</source>
            <translation>C&amp;hoisir…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Document scanner f&amp;older</source>
            <translation>Dossier du &amp;scanner de documents</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Its newest files are offered on the Documents step. Empty: no scanner folder.</source>
            <translation>Ses fichiers les plus récents sont proposés à l'étape Documents. Vide : aucun dossier de scanner.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Settings marked “set by your organisation” come from %s and cannot be changed here.</source>
            <translation>Les réglages marqués « fixé par votre organisation » viennent de %s et ne peuvent pas être modifiés ici.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Demo mode: changes last until the program exits; nothing is written to disk.</source>
            <translation>Mode démonstration : les changements durent jusqu'à la fermeture du programme; rien n'est écrit sur le disque.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Check co&amp;nnection…</source>
            <translation>Vérifier la co&amp;nnexion…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Every check of the station's setup, with the settings shown and the stored key; nothing is changed on the POS.</source>
            <translation>Toutes les vérifications de la configuration du poste, avec les réglages affichés et la clé enregistrée ; rien n’est modifié dans le POS.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>%s — not known to this station</source>
            <translation>%s — inconnu de ce poste</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Set by your organisation in %s</source>
            <translation>Fixé par votre organisation dans %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Set by your organisation</source>
            <translation>Fixé par votre organisation</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Set by %s</source>
            <translation>Défini par %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>API URL</source>
            <translation>URL de l'API</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>files URL</source>
            <translation>URL des fichiers</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>No file or folder at %s.</source>
            <translation>Aucun fichier ni dossier à %s.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>timeout</source>
            <translation>délai d'attente</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>largest document size</source>
            <translation>taille maximale d'un document</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>number of days</source>
            <translation>nombre de jours</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Choose the jurisdiction the store is licensed in.</source>
            <translation>Choisissez la juridiction où le magasin détient son permis.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Correct the settings marked in red first.</source>
            <translation>Corrigez d'abord les paramètres signalés en rouge.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Secrets are kept in: %s</source>
            <translation>Les secrets sont conservés dans : %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>A key is stored in %s — type a new one to replace it</source>
            <translation>Une clé est enregistrée dans %s — saisissez-en une nouvelle pour la remplacer</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>No key stored</source>
            <translation>Aucune clé enregistrée</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The keyring could not be read (%s).</source>
            <translation>Impossible de lire le trousseau (%s).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>No keyring to keep a key in</source>
            <translation>Aucun trousseau où conserver une clé</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The keyring cannot be read</source>
            <translation>Le trousseau est illisible</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Keep stored &amp;key</source>
            <translation>Conserver la &amp;clé enregistrée</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The stored key will be removed when you press OK.</source>
            <translation>La clé enregistrée sera retirée quand vous appuierez sur OK.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Connecting to %s…</source>
            <translation>Connexion à %s…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Connected: 1 customer group</source>
            <translation>Connecté : 1 groupe de clients</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Connected: %d customer groups</source>
            <translation>Connecté : %d groupes de clients</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>No API key is stored for this API URL: type the key above, then test again.</source>
            <translation>Aucune clé d'API n'est enregistrée pour cette URL d'API : saisissez la clé ci-dessus, puis testez de nouveau.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The API key was refused%s. Check the key with the POS and type it again.</source>
            <translation>La clé d'API a été refusée%s. Vérifiez la clé auprès du PDV et saisissez-la de nouveau.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Cannot reach %s: %s</source>
            <translation>Impossible de joindre %s : %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>%s answered “not found”: check the API URL. (%s)</source>
            <translation>%s a répondu « introuvable » : vérifiez l'URL de l'API. (%s)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The test failed unexpectedly (%s).</source>
            <translation>Le test a échoué de façon inattendue (%s).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Choose the CA bundle</source>
            <translation>Choisir l'ensemble d'AC</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>Choose the document scanner's folder</source>
            <translation>Choisir le dossier du scanner de documents</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The settings could not be saved: %s</source>
            <translation>Impossible d'enregistrer les paramètres : %s</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" />
            <source>The settings could not be saved (%s).</source>
            <translation>Impossible d'enregistrer les paramètres (%s).</translation>
        </message>
    </context>
    <context>
        <name>Setup</name>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the API address must use https:// ({url}); plain http is allowed only to this computer.</source>
            <translation>l'adresse de l'API doit utiliser https:// ({url}) ; le http non chiffré n'est permis que vers cet ordinateur.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the files address must use https:// ({url}); plain http is allowed only to this computer.</source>
            <translation>l'adresse des fichiers doit utiliser https:// ({url}) ; le http non chiffré n'est permis que vers cet ordinateur.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the API address {url} is not a valid https:// address.</source>
            <translation>l'adresse de l'API {url} n'est pas une adresse https:// valide.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the files address {url} is not a valid https:// address.</source>
            <translation>l'adresse des fichiers {url} n'est pas une adresse https:// valide.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the CA bundle {path} cannot be read ({reason}).</source>
            <translation>le paquet d'AC {path} ne peut pas être lu ({reason}).</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>no API key is stored for this station; an admin enters it in Settings.</source>
            <translation>aucune clé d'API n'est enregistrée pour ce poste ; un administrateur la saisit dans Paramètres.</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the API key cannot be read from the keyring: {reason}</source>
            <translation>la clé d'API ne peut pas être lue dans le trousseau : {reason}</translation>
        </message>
        <message>
            <location filename="../../app/sending_setup.py" />
            <source>the connection settings cannot be used: {reason}</source>
            <translation>les réglages de connexion ne peuvent pas être utilisés : {reason}</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <location filename="../../ui/widgets/signature.py" />
            <source>Customer signature</source>
            <translation>Signature du client</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/signature.py" />
            <source>Customer signature: sign inside the box with a finger, pen or mouse.</source>
            <translation>Signature du client : signez dans le cadre avec le doigt, un stylet ou la souris.</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/signature.py" />
            <source>C&amp;lear signature</source>
            <translation>&amp;Effacer la signature</translation>
        </message>
        <message>
            <location filename="../../ui/widgets/signature.py" />
            <source>Clear signature</source>
            <translation>Effacer la signature</translation>
        </message>
    </context>
    <context>
        <name>Steps</name>
        <message>
            <location filename="../../app/steps.py" />
            <source>Identity</source>
            <translation>Identité</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Medical ID</source>
            <translation>Carte médicale</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Marketing consent</source>
            <translation>Consentements</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <location filename="../../app/steps.py" />
            <source>Review &amp; submit</source>
            <translation>Vérifier et soumettre</translation>
        </message>
    </context>
    <context>
        <name>Storage</name>
        <message>
            <location filename="../../app/datakey.py" />
            <source>The data key is missing from the keyring ({keyring}), and this station holds data encrypted with it (intakes in the outbox: {outbox}, drafts: {drafts}, consent records: {consent}). No new key was made: that would make this data unreadable for good. An admin restores the key saved at setup with 'intake credentials import-data-key FILE' (or its printed code).</source>
            <translation>La clé des données manque dans le trousseau ({keyring}), et ce poste conserve des données chiffrées avec elle (inscriptions dans la boîte d'envoi : {outbox}, brouillons : {drafts}, consentements : {consent}). Aucune nouvelle clé n'a été créée : ces données deviendraient illisibles pour toujours. Un administrateur restaure la clé enregistrée lors de l'installation avec 'intake credentials import-data-key FILE' (ou son code imprimé).</translation>
        </message>
        <message>
            <location filename="../../app/datakey.py" />
            <source>The data key in the keyring ({keyring}) does not open this station's data (intakes in the outbox: {outbox}, drafts: {drafts}, consent records: {consent}): it is not the key they were saved with. Nothing was changed. An admin restores the right key with 'intake credentials import-data-key FILE' (or its printed code).</source>
            <translation>La clé des données du trousseau ({keyring}) n'ouvre pas les données de ce poste (inscriptions dans la boîte d'envoi : {outbox}, brouillons : {drafts}, consentements : {consent}) : ce n'est pas la clé avec laquelle elles ont été enregistrées. Rien n'a été modifié. Un administrateur restaure la bonne clé avec 'intake credentials import-data-key FILE' (ou son code imprimé).</translation>
        </message>
        <message>
            <location filename="../../app/stores.py" />
            <source>{file} is missing from the data folder {folder}, although this station created it: it was deleted or moved. Nothing is read from or written to it until an admin puts it (or a backup) back, or runs 'intake data start-empty {store}' to start with an empty one.</source>
            <translation>{file} manque dans le dossier de données {folder}, alors que ce poste l'a créé : il a été supprimé ou déplacé. Rien n'y est lu ni écrit tant qu'un administrateur ne l'a pas remis en place (ou une sauvegarde), ou n'a pas lancé 'intake data start-empty {store}' pour repartir d'un fichier vide.</translation>
        </message>
        <message>
            <location filename="../../app/stores.py" />
            <source>{file} in the data folder {folder} is empty (0 bytes), although this station had stored data in it. It was kept aside as {kept}. Nothing is read from or written to it until an admin puts a backup back as {file}, or runs 'intake data start-empty {store}' to start with an empty one.</source>
            <translation>{file} dans le dossier de données {folder} est vide (0 octet), alors que ce poste y avait enregistré des données. Il a été mis de côté sous le nom {kept}. Rien n'y est lu ni écrit tant qu'un administrateur n'a pas remis une sauvegarde sous le nom {file}, ou n'a pas lancé 'intake data start-empty {store}' pour repartir d'un fichier vide.</translation>
        </message>
        <message>
            <location filename="../../app/stores.py" />
            <source>{file} in the data folder {folder} is damaged: it is not a readable database. It was kept aside as {kept}, not deleted. Nothing is read from or written to it until an admin puts a backup back as {file}, or runs 'intake data start-empty {store}' to start with an empty one.</source>
            <translation>{file} dans le dossier de données {folder} est endommagé : ce n'est pas une base de données lisible. Il a été mis de côté sous le nom {kept}, sans être supprimé. Rien n'y est lu ni écrit tant qu'un administrateur n'a pas remis une sauvegarde sous le nom {file}, ou n'a pas lancé 'intake data start-empty {store}' pour repartir d'un fichier vide.</translation>
        </message>
    </context>
    <context>
        <name>Sync</name>
        <message>
            <location filename="../../app/sync.py" />
            <source>No connection to the POS server; the intake will be sent when the connection is back.</source>
            <translation>Aucune connexion au serveur du PDV; l'inscription sera envoyée au retour de la connexion.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS server did not answer in time; it will be asked whether the customer exists before resending.</source>
            <translation>Le serveur du PDV n'a pas répondu à temps; on lui demandera si le client existe avant de renvoyer.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS server failed (HTTP {status}); the intake will be sent again later.</source>
            <translation>Le serveur du PDV a échoué (HTTP {status}); l'inscription sera renvoyée plus tard.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS server's reply could not be read; the intake will be checked and sent again later.</source>
            <translation>La réponse du serveur du PDV est illisible; l'inscription sera vérifiée et renvoyée plus tard.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS server asked to slow down; the next attempt waits at least {seconds:.0f} s.</source>
            <translation>Le serveur du PDV a demandé de ralentir; la prochaine tentative attend au moins {seconds:.0f} s.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS refused the API key. An admin must store the right key, then resume sending.</source>
            <translation>Le PDV a refusé la clé d'API. Un administrateur doit enregistrer la bonne clé, puis reprendre l'envoi.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS refused the record (HTTP {status}); correct the fields shown and submit again.</source>
            <translation>Le PDV a refusé la fiche (HTTP {status}); corrigez les champs indiqués et soumettez de nouveau.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>A customer with this state ID already exists in the POS.</source>
            <translation>Un client avec cette pièce d'identité existe déjà dans le PDV.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS refused a document (HTTP {status}); replace it and submit again.</source>
            <translation>Le PDV a refusé un document (HTTP {status}); remplacez-le et soumettez de nouveau.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The store's POS plan does not allow this call (HTTP 403).</source>
            <translation>Le forfait PDV du magasin ne permet pas cet appel (HTTP 403).</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS API address answered 'not found' (HTTP 404); check the API URL in the configuration.</source>
            <translation>L'adresse de l'API du PDV a répondu « introuvable » (HTTP 404); vérifiez l'URL de l'API dans la configuration.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>This intake cannot be opened with this station's data key.</source>
            <translation>Cette inscription ne peut pas être ouverte avec la clé de données de ce poste.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The station's settings forbid this call and nothing was sent: the files address is on another server than the API address, and the API key goes only to the API's server. An admin fixes the address or allows that server in Settings, then retries the intake.</source>
            <translation>Les paramètres du poste interdisent cet appel et rien n'a été envoyé : l'adresse des fichiers est sur un autre serveur que l'adresse de l'API, et la clé d'API ne va qu'au serveur de l'API. Un administrateur corrige l'adresse ou autorise ce serveur dans les Paramètres, puis réessaie l'inscription.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The customer no longer exists in the POS (HTTP 404); the update cannot be applied.</source>
            <translation>Le client n'existe plus dans le PDV (HTTP 404); la mise à jour ne peut pas être appliquée.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The store's POS plan does not allow updating customers (HTTP 403). Make the change in the POS itself, then discard this update.</source>
            <translation>Le forfait PDV du magasin ne permet pas de mettre à jour les clients (HTTP 403). Faites la modification dans le PDV lui-même, puis supprimez cette mise à jour.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>Waits for an earlier update of the same customer.</source>
            <translation>Attend une mise à jour antérieure du même client.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS has not confirmed this customer yet; it is given time to finish before the intake is sent again.</source>
            <translation>Le PDV n'a pas encore confirmé ce client; on lui laisse le temps de terminer avant de renvoyer l'inscription.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>The POS may already have created this customer, and this station cannot check it. Look the customer up in the POS: if they are there, discard this intake; if not, retry it.</source>
            <translation>Le PDV a peut-être déjà créé ce client, et ce poste ne peut pas le vérifier. Cherchez le client dans le PDV : s'il y est, supprimez cette inscription; sinon, réessayez-la.</translation>
        </message>
        <message>
            <location filename="../../app/sync.py" />
            <source>An unexpected error stopped this intake ({kind}); see the log.</source>
            <translation>Une erreur inattendue a arrêté cette inscription ({kind}); consultez le journal.</translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message>
            <location filename="../../app/contract.py" />
            <location filename="../../app/rules.py" />
            <location filename="../../app/validation.py" />
            <source>{label} is required</source>
            <translation>{label} : champ obligatoire</translation>
        </message>
        <message>
            <location filename="../../app/contract.py" />
            <source>{label} must be a two-letter state or province code, like CA or ON</source>
            <translation>{label} : doit être un code de province ou d'État à deux lettres, comme QC ou ON</translation>
        </message>
        <message>
            <location filename="../../app/contract.py" />
            <location filename="../../app/validation.py" />
            <source>{label} must be a positive whole number</source>
            <translation>{label} : doit être un nombre entier positif</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be text</source>
            <translation>{label} : doit être du texte</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} contains a broken character; type it again</source>
            <translation>{label} : contient un caractère endommagé ; saisissez-le de nouveau</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} contains an invisible control character; type it again</source>
            <translation>{label} : contient un caractère de contrôle invisible ; saisissez-le de nouveau</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} can be at most {max} characters</source>
            <translation>{label} : au plus {max} caractères</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} may contain only letters, spaces, hyphens, apostrophes and periods</source>
            <translation>{label} : seuls les lettres, espaces, traits d'union, apostrophes et points sont permis</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must not contain spaces</source>
            <translation>{label} : ne doit pas contenir d'espaces</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a real date written year first, YYYY-MM-DD, like 1990-04-12</source>
            <translation>{label} doit être une vraie date écrite l’année d’abord, AAAA-MM-JJ, comme 1990-04-12</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a real date, like 1990-04-12</source>
            <translation>{label} : doit être une date réelle, comme 1990-04-12</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a phone number, like (555) 123-4567</source>
            <translation>{label} : doit être un numéro de téléphone, comme (555) 123-4567</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must have 10 digits, like (555) 123-4567</source>
            <translation>{label} : doit compter 10 chiffres, comme (555) 123-4567</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} has an area code that cannot start with 0 or 1</source>
            <translation>{label} : l'indicatif régional ne peut pas commencer par 0 ou 1</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be an address like name@example.com</source>
            <translation>{label} : doit être une adresse comme nom@exemple.com</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>Choose a {label} from the list</source>
            <translation>Choisissez une valeur « {label} » dans la liste</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be yes or no</source>
            <translation>{label} : doit être oui ou non</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a number, like 28.5</source>
            <translation>{label} : doit être un nombre, comme 28.5</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} can be at most {max}</source>
            <translation>{label} : au plus {max}</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} cannot be negative</source>
            <translation>{label} : ne peut pas être négatif</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} may have at most 2 digits after the dot</source>
            <translation>{label} : au plus 2 chiffres après le point</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a US ZIP code, like 90210 or 90210-1234</source>
            <translation>{label} : doit être un code ZIP américain, comme 90210 ou 90210-1234</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a Canadian postal code, like K1A 0B1</source>
            <translation>{label} : doit être un code postal canadien, comme K1A 0B1</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a US ZIP code or a Canadian postal code</source>
            <translation>{label} : doit être un code ZIP américain ou un code postal canadien</translation>
        </message>
        <message>
            <location filename="../../app/rules.py" />
            <source>{label} must be a list of group numbers</source>
            <translation>{label} : doit être une liste de numéros de groupe</translation>
        </message>
        <message>
            <location filename="../../app/updates.py" />
            <source>An update must be a JSON object of fields</source>
            <translation>Une mise à jour doit être un objet JSON de champs</translation>
        </message>
        <message>
            <location filename="../../app/updates.py" />
            <source>An update needs at least one field to change</source>
            <translation>Une mise à jour doit changer au moins un champ</translation>
        </message>
        <message>
            <location filename="../../app/updates.py" />
            <source>This field cannot be changed by an update</source>
            <translation>Ce champ ne peut pas être changé par une mise à jour</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>'{name}' is not a field of the Create-customer request</source>
            <translation>« {name} » n'est pas un champ de la requête de création de client</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{label} must be a list</source>
            <translation>{label} : doit être une liste</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{label} must be a group of fields</source>
            <translation>{label} : doit être un groupe de champs</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{label} is not valid</source>
            <translation>{label} : valeur non valide</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{label} is needed for the address</source>
            <translation>{label} : requis pour l'adresse</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{state} is not a state or province of {country}</source>
            <translation>{state} n'est pas une province ni un État de {country}</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>Choose a customer type allowed in {jurisdiction}: {choices}</source>
            <translation>Choisissez un type de client permis en {jurisdiction} : {choices}</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>Date of birth cannot be in the future</source>
            <translation>La date de naissance ne peut pas être dans le futur</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>Date of birth is more than {years} years ago; check the year</source>
            <translation>La date de naissance remonte à plus de {years} ans; vérifiez l'année</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>This customer is {age}; customers in {jurisdiction} must be at least {min_age}</source>
            <translation>Ce client a {age} ans; en {jurisdiction}, les clients doivent avoir au moins {min_age} ans</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{type} customers must be at least {min_age} in {jurisdiction}; this customer is {age}</source>
            <translation>Les clients de type « {type} » doivent avoir au moins {min_age} ans en {jurisdiction}; ce client a {age} ans</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>{type} is only for customers under {max_age}; this customer is {age}</source>
            <translation>« {type} » est réservé aux clients de moins de {max_age} ans; ce client a {age} ans</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>A {type} customer needs a medical ID</source>
            <translation>Un client de type « {type} » doit avoir une carte médicale</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>A {type} customer needs a medical recommendation</source>
            <translation>Un client de type « {type} » doit avoir une recommandation médicale</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>A {type} customer needs a medical ID or a recommendation</source>
            <translation>Un client de type « {type} » doit avoir une carte médicale ou une recommandation</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>Enter the date the recommendation expires</source>
            <translation>Saisissez la date d'expiration de la recommandation</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>The recommendation expired on {date}; the customer needs a current one</source>
            <translation>La recommandation a expiré le {date}; le client doit en avoir une en vigueur</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>The ID expired on {date}; ask for a valid ID</source>
            <translation>La pièce d'identité a expiré le {date}; demandez une pièce valide</translation>
        </message>
        <message>
            <location filename="../../app/validation.py" />
            <source>An intake must be a JSON object of fields</source>
            <translation>Une inscription doit être un objet JSON de champs</translation>
        </message>
    </context>
    <context>
        <name>WedgeFilter</name>
        <message>
            <location filename="../../ui/widgets/scan_capture.py" />
            <source>A scan was read while a dialog was open; it was ignored. Close the dialog, then scan again.</source>
            <translation>Un scan a été lu pendant qu'une boîte de dialogue était ouverte ; il a été ignoré. Fermez la boîte de dialogue, puis scannez à nouveau.</translation>
        </message>
    </context>
</TS>
