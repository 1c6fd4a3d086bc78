<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>{0}:</source>
        <comment>a heading of the command&apos;s help, e.g. options:</comment>
        <translation>{0} :</translation>
    </message>
    <message>
        <source>{0}: error: {1}</source>
        <translation>{0} : erreur : {1}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a valid date (YYYY-MM-DD)</source>
        <translation>« {0} » n&apos;est pas une date valide (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>the folder {0} does not exist: nothing was written</source>
        <translation>le dossier {0} n&apos;existe pas : rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>created a new database at {0}</source>
        <translation>nouvelle base de données créée : {0}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is outside the years {1} to {2}</source>
        <translation>« {0} » est hors des années {1} à {2}</translation>
    </message>
    <message>
        <source>{0}: valid scenario &apos;{1}&apos;: {2} sites, {3} phases, {4} events</source>
        <translation>{0} : scénario « {1} » valide : {2} sites, {3} phases, {4} événements</translation>
    </message>
    <message>
        <source>Loaded scenario &apos;{0}&apos; into {1}</source>
        <translation>Scénario « {0} » chargé dans {1}</translation>
    </message>
    <message>
        <source>Offline situation monitor. Without a command, opens the window.</source>
        <translation>Suivi de situation hors ligne. Sans commande, ouvre la fenêtre.</translation>
    </message>
    <message>
        <source>database file, or a PostgreSQL database: postgresql://HOST/NAME or postgresql:///?service=NAME (default: SITMON_DB or the user&apos;s data folder)</source>
        <translation>fichier de base de données, ou base PostgreSQL : postgresql://HÔTE/NOM ou postgresql:///?service=NOM (par défaut : SITMON_DB ou le dossier de données de l&apos;utilisateur)</translation>
    </message>
    <message>
        <source>interface language</source>
        <translation>langue de l&apos;interface</translation>
    </message>
    <message>
        <source>file whose first line is the passphrase of an encrypted database (default: SITMON_PASSPHRASE)</source>
        <translation>fichier dont la première ligne est la phrase secrète d&apos;une base chiffrée (par défaut : SITMON_PASSPHRASE)</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <source>every site&apos;s status on a date</source>
        <translation>l&apos;état de chaque site à une date</translation>
    </message>
    <message>
        <source>the key figures on a date</source>
        <translation>les chiffres clés à une date</translation>
    </message>
    <message>
        <source>check or load a scenario file</source>
        <translation>vérifier ou charger un fichier de scénario</translation>
    </message>
    <message>
        <source>validate a scenario file</source>
        <translation>valider un fichier de scénario</translation>
    </message>
    <message>
        <source>load a scenario file into the database</source>
        <translation>charger un fichier de scénario dans la base de données</translation>
    </message>
    <message>
        <source>no display to open the window on: start sitmon from a desktop session (the commands, e.g. &apos;sitmon status&apos;, work without one)</source>
        <translation>aucun écran pour ouvrir la fenêtre : lancez sitmon depuis une session de bureau (les commandes, par ex. « sitmon status », fonctionnent sans)</translation>
    </message>
    <message>
        <source>copy the database (default: into its backups folder)</source>
        <translation>copier la base de données (par défaut : dans son dossier de sauvegardes)</translation>
    </message>
    <message>
        <source>where to write the copy (must not exist)</source>
        <translation>où écrire la copie (ne doit pas exister)</translation>
    </message>
    <message>
        <source>list the backups: file, date, incidents</source>
        <translation>lister les sauvegardes : fichier, date, incidents</translation>
    </message>
    <message>
        <source>replace the database by a backup (the current file is backed up first)</source>
        <translation>remplacer la base de données par une sauvegarde (le fichier actuel est d&apos;abord sauvegardé)</translation>
    </message>
    <message>
        <source>check the database&apos;s integrity (exit 4 when damaged)</source>
        <translation>vérifier l&apos;intégrité de la base de données (code de sortie 4 si elle est endommagée)</translation>
    </message>
    <message>
        <source>encrypt the database and its backups with the passphrase (--passphrase-file or SITMON_PASSPHRASE)</source>
        <translation>chiffrer la base de données et ses sauvegardes avec la phrase secrète (--passphrase-file ou SITMON_PASSPHRASE)</translation>
    </message>
    <message>
        <source>There is no database at {0}</source>
        <translation>Il n&apos;y a pas de base de données à l&apos;emplacement {0}</translation>
    </message>
    <message>
        <source>{0} already exists; choose another name</source>
        <translation>{0} existe déjà ; choisissez un autre nom</translation>
    </message>
    <message>
        <source>Backed up {0} to {1}</source>
        <translation>{0} sauvegardé dans {1}</translation>
    </message>
    <message>
        <source>No backups of {0} in {1}</source>
        <translation>Aucune sauvegarde de {0} dans {1}</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>taken (UTC)</source>
        <translation>prise le (UTC)</translation>
    </message>
    <message>
        <source>incidents</source>
        <translation>incidents</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>Restored {0} into {1}</source>
        <translation>{0} restauré dans {1}</translation>
    </message>
    <message>
        <source>The database as it was is saved as {0}</source>
        <translation>La base de données telle qu&apos;elle était est enregistrée sous {0}</translation>
    </message>
    <message>
        <source>The newest sound backup is {0}</source>
        <translation>La sauvegarde intacte la plus récente est {0}</translation>
    </message>
    <message>
        <source>There is no sound backup.</source>
        <translation>Il n&apos;y a aucune sauvegarde intacte.</translation>
    </message>
    <message>
        <source>{0} is sound (SQLite integrity_check: ok; schema {1}; {2} incidents)</source>
        <translation>{0} est intacte (integrity_check SQLite : ok ; schéma {1} ; {2} incidents)</translation>
    </message>
    <message>
        <source>{0} is sound (PostgreSQL; schema {1}; {2} incidents)</source>
        <translation>{0} est saine (PostgreSQL ; schéma {1} ; {2} incidents)</translation>
    </message>
    <message>
        <source>Give the new passphrase with --passphrase-file FILE or SITMON_PASSPHRASE</source>
        <translation>Donnez la nouvelle phrase secrète avec --passphrase-file FICHIER ou SITMON_PASSPHRASE</translation>
    </message>
    <message>
        <source>Encrypted {0} file(s): {1}</source>
        <translation>{0} fichier(s) chiffré(s) : {1}</translation>
    </message>
    <message>
        <source>import incidents from CSV (sitmon or ACLED)</source>
        <translation>importer des incidents depuis un CSV (sitmon ou ACLED)</translation>
    </message>
    <message>
        <source>import incidents from a sitmon or ACLED CSV file</source>
        <translation>importer des incidents depuis un fichier CSV sitmon ou ACLED</translation>
    </message>
    <message>
        <source>none: refuse the whole file if a row is bad; skip: import the good rows</source>
        <translation>none : refuser tout le fichier si une ligne est incorrecte ; skip : importer les lignes correctes</translation>
    </message>
    <message>
        <source>check and count, write nothing</source>
        <translation>vérifier et compter, sans rien écrire</translation>
    </message>
    <message>
        <source>every import, newest first: its number, file, counts, and its undo</source>
        <translation>chaque importation, la plus récente d&apos;abord : son numéro, son fichier, ses comptes et son annulation</translation>
    </message>
    <message>
        <source>undo an import as one step: the incidents it created are removed, those it changed get their values from before it back</source>
        <translation>annuler une importation d&apos;un seul coup : les incidents qu&apos;elle a créés sont supprimés, ceux qu&apos;elle a modifiés retrouvent leurs valeurs d&apos;avant</translation>
    </message>
    <message>
        <source>the import&apos;s number (sitmon import list); the newest import not undone if left out</source>
        <translation>le numéro de l&apos;importation (sitmon import list) ; à défaut, la plus récente non annulée</translation>
    </message>
    <message>
        <source>put back what the undo of an import took away</source>
        <translation>rétablir ce que l&apos;annulation d&apos;une importation a retiré</translation>
    </message>
    <message>
        <source>the import&apos;s number (sitmon import list)</source>
        <translation>le numéro de l&apos;importation (sitmon import list)</translation>
    </message>
    <message>
        <source>incidents as CSV, GeoJSON or GeoPackage (by the file extension)</source>
        <translation>les incidents en CSV, GeoJSON ou GeoPackage (selon l&apos;extension du fichier)</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>the first date of the incidents written, YYYY-MM-DD</source>
        <translation>la première date des incidents écrits, AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>the last date of the incidents written, YYYY-MM-DD</source>
        <translation>la dernière date des incidents écrits, AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>hq leaves out the sensitive fields (source, notes) and writes type, sub-type, status and region as words in the language of --lang</source>
        <translation>hq omet les champs sensibles (source, notes) et écrit le type, le sous-type, le statut et la région en toutes lettres dans la langue de --lang</translation>
    </message>
    <message>
        <source>every site&apos;s status on a date, as CSV, GeoJSON or GeoPackage</source>
        <translation>l&apos;état de chaque site à une date, en CSV, GeoJSON ou GeoPackage</translation>
    </message>
    <message>
        <source>phases, closure windows, events and commitments as CSV</source>
        <translation>les phases, fenêtres de fermeture, événements et engagements en CSV</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>the file to write (its extension chooses the format)</source>
        <translation>le fichier à écrire (son extension choisit le format)</translation>
    </message>
    <message>
        <source>movements as CSV, or as lines in GeoJSON or GeoPackage</source>
        <translation>les mouvements en CSV, ou en lignes GeoJSON ou GeoPackage</translation>
    </message>
    <message>
        <source>UTF-8 with a BOM, for Excel</source>
        <translation>UTF-8 avec BOM, pour Excel</translation>
    </message>
    <message>
        <source>add an HXL hashtag row under the header</source>
        <translation>ajouter une ligne de hashtags HXL sous l&apos;en-tête</translation>
    </message>
    <message>
        <source>&apos;;&apos; for Excel in French</source>
        <translation>« ; » pour Excel en français</translation>
    </message>
    <message>
        <source>data packages between laptops</source>
        <translation>paquets de données entre ordinateurs portables</translation>
    </message>
    <message>
        <source>export incidents, site records, site statuses or the timeline</source>
        <translation>exporter les incidents, les relevés des sites, l&apos;état des sites ou la chronologie</translation>
    </message>
    <message>
        <source>site records as CSV, GeoJSON or GeoPackage (by the file extension)</source>
        <translation>les relevés des sites en CSV, GeoJSON ou GeoPackage (selon l&apos;extension du fichier)</translation>
    </message>
    <message>
        <source>the first date of the records written, YYYY-MM-DD</source>
        <translation>la première date des relevés écrits, AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>the last date of the records written, YYYY-MM-DD</source>
        <translation>la dernière date des relevés écrits, AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>hq leaves out the sensitive fields (source, note)</source>
        <translation>hq omet les champs sensibles (source, note)</translation>
    </message>
    <message>
        <source>the .zip file to write</source>
        <translation>le fichier .zip à écrire</translation>
    </message>
    <message>
        <source>merge a package from another laptop</source>
        <translation>fusionner un paquet venant d&apos;un autre ordinateur portable</translation>
    </message>
    <message>
        <source>settle every conflict this way</source>
        <translation>régler tous les conflits de cette façon</translation>
    </message>
    <message>
        <source>{0}: no such file</source>
        <translation>{0} : fichier introuvable</translation>
    </message>
    <message>
        <source>: {0} of {1} rows refused</source>
        <translation> : {0} lignes refusées sur {1}</translation>
    </message>
    <message>
        <source>{0}: nothing imported{1}</source>
        <translation>{0} : rien n&apos;a été importé{1}</translation>
    </message>
    <message>
        <source>{0} events of ACLED type {1} imported as &apos;other&apos; (kept in their notes)</source>
        <translation>{0} événements de type ACLED {1} importés comme « autre » (type d&apos;origine gardé dans leurs notes)</translation>
    </message>
    <message>
        <source> (dry run: nothing written)</source>
        <translation> (essai à blanc : rien n&apos;a été écrit)</translation>
    </message>
    <message>
        <source>{0}: {1} created, {2} updated, {3} unchanged, {4} rows refused{5}</source>
        <translation>{0} : {1} créés, {2} mis à jour, {3} inchangés, {4} lignes refusées{5}</translation>
    </message>
    <message>
        <source>No file has been imported into this database.</source>
        <translation>Aucun fichier n&apos;a été importé dans cette base.</translation>
    </message>
    <message>
        <source> - undone {0} by {1}</source>
        <translation> - annulée le {0} par {1}</translation>
    </message>
    <message>
        <source>{0}. {1} UTC {2} ({3}, by {4}): {5} created, {6} updated, {7} unchanged, {8} rows refused{9}</source>
        <translation>{0}. {1} UTC {2} ({3}, par {4}) : {5} créés, {6} mis à jour, {7} inchangés, {8} lignes refusées{9}</translation>
    </message>
    <message>
        <source>Redid import {0} of {1}: {2} incidents back, {3} with its values again</source>
        <translation>Importation {0} de {1} rétablie : {2} incidents de retour, {3} avec ses valeurs à nouveau</translation>
    </message>
    <message>
        <source>Undid import {0} of {1}: {2} incidents removed, {3} with their values from before it</source>
        <translation>Importation {0} de {1} annulée : {2} incidents supprimés, {3} avec leurs valeurs d&apos;avant</translation>
    </message>
    <message>
        <source>; {0} kept a field edited since</source>
        <translation> ; {0} ont gardé un champ modifié depuis</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to {0}</source>
        <translation>
            <numerusform>%n ligne écrite dans {0}</numerusform>
            <numerusform>%n lignes écrites dans {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>--from {0} is later than --to {1}: nothing was written</source>
        <translation>--from {0} est postérieur à --to {1} : rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>Wrote {0} and {1} to {2}</source>
        <translation>{0} et {1} écrits dans {2}</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit row(s)</source>
        <translation>
            <numerusform>%n ligne d&apos;historique</numerusform>
            <numerusform>%n lignes d&apos;historique</numerusform>
        </translation>
    </message>
    <message>
        <source>write every incident, site record and movement, with their audit trails, to a package signed by this laptop (encrypted when the database is)</source>
        <translation>écrire tous les incidents, relevés de site et mouvements, avec leur historique, dans un paquet signé par ce portable (chiffré si la base l&apos;est)</translation>
    </message>
    <message>
        <source>encrypt the package with the passphrase on this file&apos;s first line (default: SITMON_PACKAGE_PASSPHRASE, else the database&apos;s passphrase when it is encrypted)</source>
        <translation>chiffrer le paquet avec la phrase secrète de la première ligne de ce fichier (par défaut : SITMON_PACKAGE_PASSPHRASE, sinon celle de la base si elle est chiffrée)</translation>
    </message>
    <message>
        <source>the passphrase of an encrypted package (default: SITMON_PACKAGE_PASSPHRASE, else the database&apos;s)</source>
        <translation>la phrase secrète d&apos;un paquet chiffré (par défaut : SITMON_PACKAGE_PASSPHRASE, sinon celle de la base)</translation>
    </message>
    <message>
        <source>this laptop&apos;s key, and the laptops whose packages this database took</source>
        <translation>la clé de ce portable, et les portables dont cette base a reçu des paquets</translation>
    </message>
    <message>
        <source>forget a laptop&apos;s key (its next package is trusted as a first one)</source>
        <translation>oublier la clé d&apos;un portable (son prochain paquet est accepté comme un premier)</translation>
    </message>
    <message>
        <source>Wrote {0} site records and {1} of their audit rows</source>
        <translation>{0} relevés de sites et {1} lignes de leur historique écrits</translation>
    </message>
    <message>
        <source>Wrote {0} movements and {1} of their audit rows</source>
        <translation>{0} mouvements et {1} lignes de leur historique écrits</translation>
    </message>
    <message>
        <source>Signed by this laptop ({0}); encrypted</source>
        <translation>Signé par ce portable ({0}) ; chiffré</translation>
    </message>
    <message>
        <source>Signed by this laptop ({0}); not encrypted</source>
        <translation>Signé par ce portable ({0}) ; non chiffré</translation>
    </message>
    <message>
        <source>{0}: {1} created, {2} updated, {3} unchanged, {4} audit rows added</source>
        <translation>{0} : {1} créés, {2} mis à jour, {3} inchangés, {4} lignes d&apos;historique ajoutées</translation>
    </message>
    <message>
        <source>site records: {0} created, {1} updated, {2} unchanged, {3} recorded on both laptops merged into one</source>
        <translation>relevés des sites : {0} créés, {1} mis à jour, {2} inchangés, {3} enregistrés sur les deux ordinateurs fusionnés en un</translation>
    </message>
    <message>
        <source>conflict: incident {0} ({1}): {2}</source>
        <translation>conflit : incident {0} ({1}) : {2}</translation>
    </message>
    <message>
        <source>movements: {0} created, {1} updated, {2} unchanged</source>
        <translation>mouvements : {0} créés, {1} mis à jour, {2} inchangés</translation>
    </message>
    <message>
        <source>{0} movements left out: this database holds no scenario (load one, then import again)</source>
        <translation>{0} mouvements laissés de côté : cette base ne contient pas de scénario (chargez-en un, puis importez de nouveau)</translation>
    </message>
    <message>
        <source>conflict: {0}</source>
        <translation>conflit : {0}</translation>
    </message>
    <message>
        <source>{0} movements disagree between the laptops and were left as they are here; run again with --take mine or --take theirs</source>
        <translation>{0} mouvements diffèrent entre les ordinateurs et sont laissés tels quels ici ; relancez avec --take mine ou --take theirs</translation>
    </message>
    <message>
        <source>{0} incidents and {1} site records disagree between the laptops and were left as they are here; run again with --take mine or --take theirs</source>
        <translation>{0} incidents et {1} relevés de sites diffèrent entre les ordinateurs et sont restés tels quels ici ; relancez avec --take mine ou --take theirs</translation>
    </message>
    <message>
        <source>This laptop: {0}, key {1}</source>
        <translation>Ce portable : {0}, clé {1}</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(pas encore)</translation>
    </message>
    <message>
        <source>No package from another laptop taken yet.</source>
        <translation>Aucun paquet d&apos;un autre portable reçu pour l&apos;instant.</translation>
    </message>
    <message>
        <source>{0}  key {1}  first package {2} on {3}{4}</source>
        <translation>{0}  clé {1}  premier paquet {2} le {3}{4}</translation>
    </message>
    <message>
        <source>{0}: no such laptop among those known here (see &apos;sitmon laptops&apos;)</source>
        <translation>{0} : aucun portable de ce nom parmi ceux connus ici (voir « sitmon laptops »)</translation>
    </message>
    <message>
        <source>Forgot the key of laptop {0}: its next package is trusted as a first one.</source>
        <translation>Clé du portable {0} oubliée : son prochain paquet sera accepté comme un premier.</translation>
    </message>
    <message>
        <source>The passphrase file {0} cannot be read: {1}</source>
        <translation>Le fichier de phrase secrète {0} ne peut pas être lu : {1}</translation>
    </message>
    <message>
        <source>The passphrase file {0} is empty.</source>
        <translation>Le fichier de phrase secrète {0} est vide.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <source>{0}

There is no sound backup to restore.</source>
        <translation>{0}

Il n&apos;y a aucune sauvegarde intacte à restaurer.</translation>
    </message>
    <message>
        <source>{0}

Restore the newest sound backup, taken on {1} UTC with {2} incidents? The damaged file is kept in {3}.</source>
        <translation>{0}

Restaurer la sauvegarde intacte la plus récente, prise le {1} UTC avec {2} incidents ? Le fichier endommagé est conservé dans {3}.</translation>
    </message>
    <message>
        <source>No backup today</source>
        <translation>Pas de sauvegarde aujourd&apos;hui</translation>
    </message>
    <message>
        <source>unknown site &apos;{0}&apos; (sitmon status lists them)</source>
        <translation>site inconnu « {0} » (sitmon status les liste)</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a size like 1600x1000 (100 to 10000 pixels)</source>
        <translation>« {0} » n&apos;est pas une taille comme 1600x1000 (100 à 10000 pixels)</translation>
    </message>
    <message>
        <source>Wrote {0} ({1}x{2}), the map of {3}</source>
        <translation>{0} écrit ({1}x{2}), la carte du {3}</translation>
    </message>
    <message>
        <source>render the map of a date to a PNG file</source>
        <translation>dessiner la carte d&apos;une date dans un fichier PNG</translation>
    </message>
    <message>
        <source>the date shown, YYYY-MM-DD</source>
        <translation>la date affichée, AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>the PNG file to write</source>
        <translation>le fichier PNG à écrire</translation>
    </message>
    <message>
        <source>width x height in pixels</source>
        <translation>largeur x hauteur en pixels</translation>
    </message>
    <message>
        <source>record what happened at a site, list, delete or restore records</source>
        <translation>enregistrer ce qui s&apos;est passé sur un site, lister, supprimer ou rétablir des relevés</translation>
    </message>
    <message>
        <source>record an update of a site; prints the new record&apos;s id</source>
        <translation>enregistrer une mise à jour d&apos;un site ; affiche l&apos;identifiant du nouveau relevé</translation>
    </message>
    <message>
        <source>a site id (goundam) or its English or French name</source>
        <translation>l&apos;identifiant d&apos;un site (goundam) ou son nom en anglais ou en français</translation>
    </message>
    <message>
        <source>handover, handover-planned, closure-started, rear-party, reduced, liquidation-hub, returned or repatriated</source>
        <translation>handover, handover-planned, closure-started, rear-party, reduced, liquidation-hub, returned ou repatriated</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>a count (repatriated)</source>
        <translation>un nombre (repatriated)</translation>
    </message>
    <message>
        <source>military, police or civilian (repatriated)</source>
        <translation>military, police ou civilian (repatriated)</translation>
    </message>
    <message>
        <source>who or what reported it (sensitive)</source>
        <translation>qui ou quoi l&apos;a signalé (sensible)</translation>
    </message>
    <message>
        <source>admiralty code, e.g. B2</source>
        <translation>code de l&apos;Amirauté, par ex. B2</translation>
    </message>
    <message>
        <source>who received the site, why the date moved... (sensitive)</source>
        <translation>qui a reçu le site, pourquoi la date a changé… (sensible)</translation>
    </message>
    <message>
        <source>a repatriated figure lower than an earlier one corrects it</source>
        <translation>un chiffre de rapatriés inférieur à un précédent le corrige</translation>
    </message>
    <message>
        <source>list the site records (deleted ones too)</source>
        <translation>lister les relevés des sites (supprimés compris)</translation>
    </message>
    <message>
        <source>only this site&apos;s records</source>
        <translation>seulement les relevés de ce site</translation>
    </message>
    <message>
        <source>delete a record (it can be restored)</source>
        <translation>supprimer un relevé (il peut être rétabli)</translation>
    </message>
    <message>
        <source>restore a deleted record</source>
        <translation>rétablir un relevé supprimé</translation>
    </message>
    <message>
        <source>the record&apos;s id, or its unique start</source>
        <translation>l&apos;identifiant du relevé, ou son début s&apos;il est unique</translation>
    </message>
    <message>
        <source> (add --correction)</source>
        <translation> (ajoutez --correction)</translation>
    </message>
    <message>
        <source>{0} is the start of several records&apos; ids: give more of it</source>
        <translation>{0} est le début des identifiants de plusieurs relevés : donnez-en davantage</translation>
    </message>
    <message>
        <source>no site record has the id {0}</source>
        <translation>aucun relevé de site n&apos;a l&apos;identifiant {0}</translation>
    </message>
    <message>
        <source>{0} was already so</source>
        <translation>{0} l&apos;était déjà</translation>
    </message>
    <message>
        <source>Deleted {0}</source>
        <translation>{0} supprimé</translation>
    </message>
    <message>
        <source>Restored {0}</source>
        <translation>{0} rétabli</translation>
    </message>
    <message>
        <source>unknown site {0!r}: give its id (e.g. goundam) or its name</source>
        <translation>site inconnu {0!r} : donnez son identifiant (par ex. goundam) ou son nom</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number from {1} to {2}</source>
        <translation>« {0} » n&apos;est pas un nombre de {1} à {2}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos;: give at least two sites, separated by commas</source>
        <translation>« {0} » : donnez au moins deux sites, séparés par des virgules</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a position (LAT,LON)</source>
        <translation>« {0} » n&apos;est pas une position (LAT,LON)</translation>
    </message>
    <message>
        <source>&apos;{0}&apos;: give at least two positions, separated by &apos;;&apos;</source>
        <translation>« {0} » : donnez au moins deux positions, séparées par « ; »</translation>
    </message>
    <message>
        <source>incidents recorded near a route</source>
        <translation>incidents enregistrés près d&apos;un itinéraire</translation>
    </message>
    <message>
        <source>the route&apos;s stretches and the incidents recorded near each</source>
        <translation>les tronçons de l&apos;itinéraire et les incidents enregistrés près de chacun</translation>
    </message>
    <message>
        <source>the incidents recorded near the route, by distance along it</source>
        <translation>les incidents enregistrés près de l&apos;itinéraire, par distance le long de celui-ci</translation>
    </message>
    <message>
        <source>sites in travel order</source>
        <translation>sites dans l&apos;ordre du trajet</translation>
    </message>
    <message>
        <source>positions in travel order</source>
        <translation>positions dans l&apos;ordre du trajet</translation>
    </message>
    <message>
        <source>the incidents of the days up to this date</source>
        <translation>les incidents des jours jusqu&apos;à cette date</translation>
    </message>
    <message>
        <source>movements (convoys) between sites</source>
        <translation>mouvements (convois) entre sites</translation>
    </message>
    <message>
        <source>record a movement</source>
        <translation>enregistrer un mouvement</translation>
    </message>
    <message>
        <source>change a movement&apos;s fields</source>
        <translation>modifier les champs d&apos;un mouvement</translation>
    </message>
    <message>
        <source>waypoints in travel order: site ids or LAT,LON, separated by &apos;;&apos;</source>
        <translation>points de passage dans l&apos;ordre du trajet : identifiants de sites ou LAT,LON, séparés par « ; »</translation>
    </message>
    <message>
        <source>ids of the incidents linked to it</source>
        <translation>identifiants des incidents qui lui sont liés</translation>
    </message>
    <message>
        <source>every movement</source>
        <translation>tous les mouvements</translation>
    </message>
    <message>
        <source>deleted movements too</source>
        <translation>les mouvements supprimés aussi</translation>
    </message>
    <message>
        <source>delete a movement (it can be restored)</source>
        <translation>supprimer un mouvement (il peut être restauré)</translation>
    </message>
    <message>
        <source>restore a deleted movement</source>
        <translation>restaurer un mouvement supprimé</translation>
    </message>
    <message>
        <source>a route needs at least two distinct positions</source>
        <translation>un itinéraire a besoin d&apos;au moins deux positions distinctes</translation>
    </message>
    <message>
        <source>Incidents recorded near this route: {0} in the {1} days to {2}, within {3} km of its {4} km (a record of what happened, not a probability)</source>
        <translation>Incidents enregistrés près de cet itinéraire : {0} dans les {1} jours jusqu&apos;au {2}, à moins de {3} km de ses {4} km (un relevé de ce qui s&apos;est passé, pas une probabilité)</translation>
    </message>
    <message>
        <source>the movement was not recorded</source>
        <translation>le mouvement n&apos;a pas été enregistré</translation>
    </message>
    <message>
        <source>no movement {0}</source>
        <translation>aucun mouvement {0}</translation>
    </message>
    <message>
        <source>{0}: updated</source>
        <translation>{0} : modifié</translation>
    </message>
    <message>
        <source>{0}: unchanged</source>
        <translation>{0} : inchangé</translation>
    </message>
    <message>
        <source>{0}: deleted</source>
        <translation>{0} : supprimé</translation>
    </message>
    <message>
        <source>{0}: restored</source>
        <translation>{0} : restauré</translation>
    </message>
    <message>
        <source>headquarters: ingest many laptops&apos; packages, settle their conflicts</source>
        <translation>quartier général : intégrer les paquets de nombreux ordinateurs, trancher leurs conflits</translation>
    </message>
    <message>
        <source>merge packages (a folder: every .zip in it, oldest first), each in its own transaction; conflicts wait in the queue</source>
        <translation>fusionner des paquets (un dossier : chacun de ses .zip, le plus ancien d&apos;abord), chacun dans sa propre transaction ; les conflits attendent dans la file</translation>
    </message>
    <message>
        <source>list the conflicts waiting for a choice</source>
        <translation>lister les conflits en attente d&apos;un choix</translation>
    </message>
    <message>
        <source>settle one conflict: keep the record here (mine) or take the package&apos;s (theirs)</source>
        <translation>trancher un conflit : garder l&apos;enregistrement d&apos;ici (mine) ou prendre celui du paquet (theirs)</translation>
    </message>
    <message>
        <source>write again the site statuses GIS tools read (PostgreSQL)</source>
        <translation>réécrire les statuts des sites que lisent les outils SIG (PostgreSQL)</translation>
    </message>
    <message>
        <source>let an existing PostgreSQL role read the GIS views, and nothing else</source>
        <translation>permettre à un rôle PostgreSQL existant de lire les vues SIG, et rien d&apos;autre</translation>
    </message>
    <message>
        <source>{0}: {1} created, {2} updated, {3} unchanged, {4} site records changed, {5} conflicts waiting ({6} new)</source>
        <translation>{0} : {1} créés, {2} mis à jour, {3} inchangés, {4} relevés de site modifiés, {5} conflits en attente ({6} nouveaux)</translation>
    </message>
    <message>
        <source>No conflict is waiting.</source>
        <translation>Aucun conflit n&apos;est en attente.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>record</source>
        <translation>enregistrement</translation>
    </message>
    <message>
        <source>record id</source>
        <translation>id de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>field</source>
        <translation>champ</translation>
    </message>
    <message>
        <source>here</source>
        <translation>ici</translation>
    </message>
    <message>
        <source>in the package</source>
        <translation>dans le paquet</translation>
    </message>
    <message>
        <source>package</source>
        <translation>paquet</translation>
    </message>
    <message>
        <source>laptop</source>
        <translation>ordinateur</translation>
    </message>
    <message>
        <source>received (UTC)</source>
        <translation>reçu (UTC)</translation>
    </message>
    <message>
        <source>Conflict {0} settled: {1} {2} keeps {3}</source>
        <translation>Conflit {0} tranché : {1} {2} garde {3}</translation>
    </message>
    <message>
        <source>the record here</source>
        <translation>l&apos;enregistrement d&apos;ici</translation>
    </message>
    <message>
        <source>the package&apos;s values</source>
        <translation>les valeurs du paquet</translation>
    </message>
    <message>
        <source>{0} is a file: GIS tools read its exports; statuses are written only on PostgreSQL</source>
        <translation>{0} est un fichier : les outils SIG lisent ses exports ; les statuts ne sont écrits que sur PostgreSQL</translation>
    </message>
    <message>
        <source>{0} site statuses written</source>
        <translation>{0} statuts de sites écrits</translation>
    </message>
    <message>
        <source>{0} is a file: roles are PostgreSQL&apos;s</source>
        <translation>{0} est un fichier : les rôles sont ceux de PostgreSQL</translation>
    </message>
    <message>
        <source>{0} may now read {1} (and nothing else of sitmon&apos;s)</source>
        <translation>{0} peut désormais lire {1} (et rien d&apos;autre de sitmon)</translation>
    </message>
</context>
<context>
    <name>Attribution</name>
    <message>
        <source>Made with Natural Earth</source>
        <translation>Réalisé avec Natural Earth</translation>
    </message>
    <message>
        <source>Place data © GeoNames (geonames.org), CC BY 4.0</source>
        <translation>Données de lieux © GeoNames (geonames.org), CC BY 4.0</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Rétabli</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>When (UTC) / field</source>
        <translation>Quand (UTC) / champ</translation>
    </message>
    <message>
        <source>Who / old value</source>
        <translation>Qui / ancienne valeur</translation>
    </message>
    <message>
        <source>What / new value</source>
        <translation>Quoi / nouvelle valeur</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <source>Created by import of {0}</source>
        <translation>Créé par l&apos;importation de {0}</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>Sau&amp;vegarder maintenant</translation>
    </message>
    <message>
        <source>Restore &amp;from backup…</source>
        <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
        <source>The database was backed up to {0}</source>
        <translation>La base de données a été sauvegardée dans {0}</translation>
    </message>
    <message>
        <source>The backup {0} was restored. The database as it was is saved as {1}.

sitmon closes now: start it again to work on the restored data.</source>
        <translation>La sauvegarde {0} a été restaurée. La base de données telle qu&apos;elle était est enregistrée sous {1}.

sitmon va se fermer : relancez-le pour travailler sur les données restaurées.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>Impossible d&apos;écrire {0} : {1}</translation>
    </message>
    <message>
        <source>Briefing pack, situation on {0}</source>
        <translation>Dossier de briefing, situation au {0}</translation>
    </message>
    <message>
        <source>Wrote {0}: {1} pages, the situation on {2}</source>
        <translation>{0} écrit : {1} pages, la situation au {2}</translation>
    </message>
    <message>
        <source>{0} positions</source>
        <translation>{0} positions</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <source>write the briefing pack of a date (PDF)</source>
        <translation>écrire le dossier de briefing d&apos;une date (PDF)</translation>
    </message>
    <message>
        <source>the situation&apos;s date, YYYY-MM-DD</source>
        <translation>la date de la situation, AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>le fichier PDF à écrire</translation>
    </message>
    <message>
        <source>incidents of the last N days (default {0})</source>
        <translation>incidents des N derniers jours (par défaut {0})</translation>
    </message>
    <message>
        <source>language of the pack</source>
        <translation>langue du dossier</translation>
    </message>
    <message>
        <source>a page on the incidents recorded near this route (repeatable)</source>
        <translation>une page sur les incidents enregistrés près de cet itinéraire (répétable)</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Briefin&amp;g pack…</source>
        <translation>Dossier de &amp;briefing…</translation>
    </message>
    <message>
        <source>Export &amp;map image…</source>
        <translation>Exporter l&apos;i&amp;mage de la carte…</translation>
    </message>
    <message>
        <source>Save the briefing pack</source>
        <translation>Enregistrer le dossier de briefing</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Gathering the data…</source>
        <translation>Collecte des données…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>Dossier de briefing</translation>
    </message>
    <message>
        <source>Drawing the pages…</source>
        <translation>Dessin des pages…</translation>
    </message>
    <message>
        <source>The briefing pack could not be written: {0}</source>
        <translation>Le dossier de briefing n&apos;a pas pu être écrit : {0}</translation>
    </message>
    <message>
        <source>Export map image</source>
        <translation>Exporter l&apos;image de la carte</translation>
    </message>
    <message>
        <source>{0} (continued)</source>
        <translation>{0} (suite)</translation>
    </message>
    <message>
        <source>Situation and key figures</source>
        <translation>Situation et chiffres clés</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Site status</source>
        <translation>État des sites</translation>
    </message>
    <message>
        <source>Site status on {0}</source>
        <translation>État des sites au {0}</translation>
    </message>
    <message>
        <source>Updates since {0}</source>
        <translation>Mises à jour depuis le {0}</translation>
    </message>
    <message>
        <source>Updates recorded at the sites from {0} to {1}</source>
        <translation>Mises à jour enregistrées sur les sites du {0} au {1}</translation>
    </message>
    <message>
        <source>Transfer of tasks</source>
        <translation>Transfert des tâches</translation>
    </message>
    <message>
        <source>Situation on {0}</source>
        <translation>Situation au {0}</translation>
    </message>
    <message>
        <source>Generated {0}</source>
        <translation>Produit le {0}</translation>
    </message>
    <message>
        <source>overdue by {0} days</source>
        <translation>en retard de {0} jours</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>No update recorded in these days.</source>
        <translation>Aucune mise à jour enregistrée pendant ces jours.</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Enregistré par</translation>
    </message>
    <message>
        <source>USD {0} million</source>
        <translation>{0} millions USD</translation>
    </message>
    <message>
        <source>gap: {0}</source>
        <translation>déficit : {0}</translation>
    </message>
    <message>
        <source>Mandated task</source>
        <translation>Tâche mandatée</translation>
    </message>
    <message>
        <source>Taken over by</source>
        <translation>Reprise par</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Financement</translation>
    </message>
    <message>
        <source>Expected gaps</source>
        <translation>Déficits attendus</translation>
    </message>
    <message>
        <source>{0}, {1} to {2}: {3}</source>
        <translation>{0}, du {1} au {2} : {3}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>Sites on {0}</source>
        <translation>Sites au {0}</translation>
    </message>
    <message>
        <source>since {0}</source>
        <translation>depuis le {0}</translation>
    </message>
    <message>
        <source>Incidents of the last {0} days</source>
        <translation>Incidents des {0} derniers jours</translation>
    </message>
    <message>
        <source>{0} in all</source>
        <translation>{0} en tout</translation>
    </message>
    <message>
        <source>personnel repatriated, military and police (as of {0})</source>
        <translation>personnels rapatriés, militaires et policiers (au {0})</translation>
    </message>
    <message>
        <source>personnel repatriated: no figure yet</source>
        <translation>personnels rapatriés : pas encore de chiffre</translation>
    </message>
    <message>
        <source>days to the withdrawal deadline ({0})</source>
        <translation>jours avant l&apos;échéance du retrait ({0})</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message>
        <source>camps and bases handed over</source>
        <translation>camps et bases remis</translation>
    </message>
    <message>
        <source>Sites:</source>
        <translation>Sites :</translation>
    </message>
    <message>
        <source>Overdue closures (window ended, no confirmed handover): {0}</source>
        <translation>Fermetures en retard (fenêtre terminée, aucune remise confirmée) : {0}</translation>
    </message>
    <message>
        <source>No overdue closures.</source>
        <translation>Aucune fermeture en retard.</translation>
    </message>
    <message>
        <source>Situation map on {0}</source>
        <translation>Carte de la situation au {0}</translation>
    </message>
    <message>
        <source>Incidents of the last {0} days are shown.</source>
        <translation>Les incidents des {0} derniers jours sont affichés.</translation>
    </message>
    <message>
        <source>Timeline on {0}</source>
        <translation>Chronologie au {0}</translation>
    </message>
    <message>
        <source>Incidents of the last {0} days ({1} to {2})</source>
        <translation>Incidents des {0} derniers jours (du {1} au {2})</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Incidents: {0}; by region: {1}</source>
        <translation>Incidents : {0} ; par région : {1}</translation>
    </message>
    <message>
        <source>No incidents recorded in these days.</source>
        <translation>Aucun incident enregistré pendant ces jours.</translation>
    </message>
    <message>
        <source>week of {0}</source>
        <translation>semaine du {0}</translation>
    </message>
    <message>
        <source>The table lists the {0} most recent of {1} incidents.</source>
        <translation>Le tableau liste les {0} plus récents des {1} incidents.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Tués</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Blessés</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Page {0} sur {1}</translation>
    </message>
    <message>
        <source>Map of {0}</source>
        <translation>Carte du {0}</translation>
    </message>
    <message>
        <source>Cannot write {0}</source>
        <translation>Impossible d&apos;écrire {0}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number of days from 1 to 366</source>
        <translation>« {0} » n&apos;est pas un nombre de jours de 1 à 366</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>Route {0}</source>
        <translation>Itinéraire {0}</translation>
    </message>
    <message>
        <source>km along</source>
        <translation>km parcourus</translation>
    </message>
    <message>
        <source>km off</source>
        <translation>km d&apos;écart</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Route {0}: incidents recorded near it</source>
        <translation>Itinéraire {0} : incidents enregistrés à proximité</translation>
    </message>
    <message>
        <source>Incidents recorded near this route: {6}, within {0} km of its {1} km, from {2} to {3}. Weighed by kind, harm, age (half-life {4} days) and how precisely each is placed; stretches of {5} km. A record of what happened, not a probability.</source>
        <translation>Incidents enregistrés près de cet itinéraire : {6}, à moins de {0} km de ses {1} km, du {2} au {3}. Pesés selon leur nature, leurs victimes, leur âge (demi-vie de {4} jours) et la précision de leur position ; tronçons de {5} km. Un relevé de ce qui s&apos;est passé, pas une probabilité.</translation>
    </message>
    <message>
        <source>The table lists the first {0} of {1} incidents along the route.</source>
        <translation>Le tableau liste les {0} premiers des {1} incidents le long de l&apos;itinéraire.</translation>
    </message>
    <message>
        <source>No incident recorded near this route in these days.</source>
        <translation>Aucun incident enregistré près de cet itinéraire pendant ces jours.</translation>
    </message>
    <message>
        <source>Weight of the incidents recorded near each stretch</source>
        <translation>Poids des incidents enregistrés près de chaque tronçon</translation>
    </message>
    <message>
        <source>km from the start</source>
        <translation>km depuis le départ</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Incidents edited on both laptops</source>
        <translation>Incidents modifiés sur les deux ordinateurs</translation>
    </message>
    <message>
        <source>These incidents and site records were changed here and on the other laptop since you last exchanged packages, or give a site two different handovers. Choose, for each, which version to keep. Nothing is lost: the other stays in the audit trail.</source>
        <translation>Ces incidents et relevés de sites ont été modifiés ici et sur l&apos;autre ordinateur depuis le dernier échange de paquets, ou donnent deux remises différentes à un site. Choisissez, pour chacun, la version à garder. Rien n&apos;est perdu : l&apos;autre reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>La mienne</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>L&apos;autre</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Record / field</source>
        <translation>Relevé / champ</translation>
    </message>
    <message>
        <source>Keep all &amp;mine</source>
        <translation>Garder toutes les &amp;miennes</translation>
    </message>
    <message>
        <source>Take all &amp;theirs</source>
        <translation>Prendre toutes les &amp;autres</translation>
    </message>
    <message>
        <source>&amp;Apply choices</source>
        <translation>A&amp;ppliquer les choix</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Décider plus &amp;tard</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
</context>
<context>
    <name>ConflictQueueController</name>
    <message>
        <source>Conflicts &amp;waiting…</source>
        <translation>Conflits en &amp;attente…</translation>
    </message>
    <message>
        <source>No conflict is waiting.</source>
        <translation>Aucun conflit n&apos;est en attente.</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts waiting: %n</source>
        <translation>
            <numerusform>Conflits en attente : %n</numerusform>
            <numerusform>Conflits en attente : %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Packages from the laptops hold these incidents, site records and movements edited differently here, or a site&apos;s handover on another date. Choose, for each, which version to keep, or leave it for later: it waits here, whatever is ingested meanwhile. Nothing is lost: the other stays in the audit trail.</source>
        <translation>Des paquets des ordinateurs contiennent ces incidents, relevés de site et mouvements modifiés autrement ici, ou la remise d&apos;un site à une autre date. Choisissez, pour chacun, la version à garder, ou laissez-le pour plus tard : il attend ici, quoi qu&apos;on intègre entre-temps. Rien n&apos;est perdu : l&apos;autre reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>In the package</source>
        <translation>Dans le paquet</translation>
    </message>
    <message>
        <source>{0}, received {1}</source>
        <translation>{0}, reçu le {1}</translation>
    </message>
    <message>
        <source>another handover date</source>
        <translation>une autre date de remise</translation>
    </message>
    <message>
        <source>edited on both sides</source>
        <translation>modifié des deux côtés</translation>
    </message>
    <message>
        <source>Applying your choices…</source>
        <translation>Application de vos choix…</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) settled.</source>
        <translation>
            <numerusform>%n conflit tranché.</numerusform>
            <numerusform>%n conflits tranchés.</numerusform>
        </translation>
    </message>
    <message>
        <source>It did not work: {0}</source>
        <translation>Cela n&apos;a pas marché : {0}</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
</context>
<context>
    <name>Coordinates</name>
    <message>
        <source>enter a coordinate</source>
        <translation>saisissez une coordonnée</translation>
    </message>
    <message>
        <source>a coordinate is at most {limit} characters</source>
        <translation>une coordonnée compte au plus {limit} caractères</translation>
    </message>
    <message>
        <source>cannot read “{text}”: expected decimal degrees, degrees-minutes-seconds or MGRS</source>
        <translation>impossible de lire « {text} » : degrés décimaux, degrés-minutes-secondes ou MGRS attendus</translation>
    </message>
    <message>
        <source>{axis} {value:g} is outside {low}..{high}</source>
        <translation>{axis} {value:g} hors de l&apos;intervalle {low}..{high}</translation>
    </message>
    <message>
        <source>{unit} must be below 60 (got {value:g})</source>
        <translation>{unit} : la valeur doit être inférieure à 60 (reçu {value:g})</translation>
    </message>
    <message>
        <source>{unit} must be a whole number when a smaller unit follows</source>
        <translation>{unit} : un nombre entier est requis quand une unité plus petite suit</translation>
    </message>
    <message>
        <source>use a minus sign or a hemisphere letter, not both</source>
        <translation>utilisez un signe moins ou une lettre d&apos;hémisphère, pas les deux</translation>
    </message>
    <message>
        <source>give a hemisphere letter on both values or on neither</source>
        <translation>mettez une lettre d&apos;hémisphère sur les deux valeurs ou sur aucune</translation>
    </message>
    <message>
        <source>both values are {axis}s: give one N/S and one E/W</source>
        <translation>les deux valeurs sont des {axis}s : donnez-en une N/S et une E/O</translation>
    </message>
    <message>
        <source>cannot tell where latitude ends: put a comma between the values or add N/S and E/W</source>
        <translation>impossible de savoir où finit la latitude : mettez une virgule entre les valeurs ou ajoutez N/S et E/O</translation>
    </message>
    <message>
        <source>not a valid MGRS reference: {text}</source>
        <translation>référence MGRS non valide : {text}</translation>
    </message>
    <message>
        <source>MGRS precision must be 0..5 (got {value})</source>
        <translation>la précision MGRS doit être entre 0 et 5 (reçu {value})</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <source>degrees</source>
        <translation>degrés</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Pick on a calendar</source>
        <translation>Choisir sur un calendrier</translation>
    </message>
    <message>
        <source>Type a date, e.g. {0} or {1}, or pick it on the calendar</source>
        <translation>Saisissez une date, par exemple {0} ou {1}, ou choisissez-la sur le calendrier</translation>
    </message>
    <message>
        <source>Not a date: type it as {0} or {1}</source>
        <translation>Ce n&apos;est pas une date : écrivez-la {0} ou {1}</translation>
    </message>
    <message>
        <source>{0} is outside {1} – {2}</source>
        <translation>{0} est hors de la période {1} – {2}</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <source>&amp;Import incidents…</source>
        <translation>&amp;Importer des incidents…</translation>
    </message>
    <message>
        <source>&amp;Export incidents…</source>
        <translation>&amp;Exporter des incidents…</translation>
    </message>
    <message>
        <source>Export site &amp;records…</source>
        <translation>Exporter les &amp;relevés des sites…</translation>
    </message>
    <message>
        <source>Export site &amp;status…</source>
        <translation>Exporter l&apos;état des &amp;sites…</translation>
    </message>
    <message>
        <source>Export the &amp;timeline…</source>
        <translation>Exporter la chrono&amp;logie…</translation>
    </message>
    <message>
        <source>Export data &amp;package…</source>
        <translation>Exporter un &amp;paquet de données…</translation>
    </message>
    <message>
        <source>Import data pac&amp;kage…</source>
        <translation>Importer un paq&amp;uet de données…</translation>
    </message>
    <message>
        <source>It did not work: {0}</source>
        <translation>L&apos;opération a échoué : {0}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Annulé. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Échange</translation>
    </message>
    <message>
        <source>Import incidents</source>
        <translation>Importer des incidents</translation>
    </message>
    <message>
        <source>CSV files, sitmon or ACLED (*.csv);;All files (*)</source>
        <translation>Fichiers CSV, sitmon ou ACLED (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>Vérification de {0}…</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Importation de {0}…</translation>
    </message>
    <message>
        <source>import of {0}</source>
        <translation>l&apos;importation de {0}</translation>
    </message>
    <message>
        <source>{0}, {1} updated, {2} already up to date.</source>
        <translation>{0}, {1} mis à jour, {2} déjà à jour.</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) created</source>
        <translation>
            <numerusform>%n incident créé</numerusform>
            <numerusform>%n incidents créés</numerusform>
        </translation>
    </message>
    <message>
        <source>search “{0}”</source>
        <translation>recherche « {0} »</translation>
    </message>
    <message>
        <source>type: {0}</source>
        <translation>type : {0}</translation>
    </message>
    <message>
        <source>region: {0}</source>
        <translation>région : {0}</translation>
    </message>
    <message>
        <source>site: {0}</source>
        <translation>site : {0}</translation>
    </message>
    <message>
        <source>status: {0}</source>
        <translation>statut : {0}</translation>
    </message>
    <message>
        <source>deleted incidents included</source>
        <translation>incidents supprimés compris</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to {0}</source>
        <translation>
            <numerusform>%n ligne écrite dans {0}</numerusform>
            <numerusform>%n lignes écrites dans {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {0} and {1} to {2}</source>
        <translation>{0} et {1} écrits dans {2}</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit row(s)</source>
        <translation>
            <numerusform>%n ligne d&apos;historique</numerusform>
            <numerusform>%n lignes d&apos;historique</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, {1} updated, {2} unchanged.</source>
        <translation>{0}, {1} mis à jour, {2} inchangés.</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) added</source>
        <translation>
            <numerusform>%n incident ajouté</numerusform>
            <numerusform>%n incidents ajoutés</numerusform>
        </translation>
    </message>
    <message>
        <source>ACLED types sitmon does not know, imported as “Other” (the original kept in the notes): {0}.</source>
        <translation>Types ACLED que sitmon ne connaît pas, importés comme « Autre » (l&apos;original gardé dans les notes) : {0}.</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>Écriture de {0}…</translation>
    </message>
    <message>
        <source>Export data package</source>
        <translation>Exporter un paquet de données</translation>
    </message>
    <message>
        <source>sitmon data packages (*.zip)</source>
        <translation>Paquets de données sitmon (*.zip)</translation>
    </message>
    <message>
        <source>Signed by this laptop and encrypted with the database&apos;s passphrase.</source>
        <translation>Signé par ce portable et chiffré avec la phrase secrète de la base.</translation>
    </message>
    <message>
        <source>Signed by this laptop.</source>
        <translation>Signé par ce portable.</translation>
    </message>
    <message>
        <source>Import data package</source>
        <translation>Importer un paquet de données</translation>
    </message>
    <message>
        <source>Merging {0}…</source>
        <translation>Fusion de {0}…</translation>
    </message>
    <message>
        <source>Site records: {0} added, {1} updated, {2} recorded on both laptops merged.</source>
        <translation>Relevés des sites : {0} ajoutés, {1} mis à jour, {2} enregistrés sur les deux ordinateurs fusionnés.</translation>
    </message>
    <message>
        <source>Movements: {0} added, {1} updated.</source>
        <translation>Mouvements : {0} ajoutés, {1} mis à jour.</translation>
    </message>
    <message>
        <source>{0} movements left out: this database holds no scenario.</source>
        <translation>{0} mouvements laissés de côté : cette base ne contient pas de scénario.</translation>
    </message>
    <message>
        <source>Applying your choices…</source>
        <translation>Application de vos choix…</translation>
    </message>
    <message>
        <source>{0} incidents or site records changed here meanwhile and were left as they are: import the package again to choose for them.</source>
        <translation>{0} incidents ou relevés de sites ont changé ici entre-temps et sont restés tels quels : importez de nouveau le paquet pour choisir.</translation>
    </message>
    <message>
        <source>two different handovers</source>
        <translation>deux remises différentes</translation>
    </message>
    <message>
        <source>edited on both laptops</source>
        <translation>modifié sur les deux ordinateurs</translation>
    </message>
    <message>
        <source>Movement {0} → {1}, {2}</source>
        <translation>Mouvement {0} → {1}, {2}</translation>
    </message>
</context>
<context>
    <name>Executor</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>sitmon</source>
        <translation>sitmon</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (tableurs)</translation>
    </message>
    <message>
        <source>GeoJSON (GIS)</source>
        <translation>GeoJSON (SIG)</translation>
    </message>
    <message>
        <source>GeoPackage (GIS)</source>
        <translation>GeoPackage (SIG)</translation>
    </message>
    <message>
        <source>For Excel: UTF-8 with a byte order mark, so accents open right</source>
        <translation>Pour Excel : UTF-8 avec indicateur d&apos;ordre des octets, pour que les accents s&apos;ouvrent correctement</translation>
    </message>
    <message>
        <source>Add an HXL hashtag row under the header</source>
        <translation>Ajouter une ligne de hashtags HXL sous l&apos;en-tête</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>For headquarters: without sources and notes</source>
        <translation>Pour le quartier général : sans sources ni notes</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Virgule (,)</translation>
    </message>
    <message>
        <source>Semicolon (;), for Excel set to French</source>
        <translation>Point-virgule (;), pour Excel en français</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Only the incidents the log&apos;s filters show:</source>
        <translation>Seulement les incidents que montrent les filtres du journal :</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Incident log</source>
        <translation>Journal des incidents</translation>
    </message>
    <message>
        <source>Status on</source>
        <translation>État au</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Séparateur</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export incidents</source>
        <translation>Exporter des incidents</translation>
    </message>
    <message>
        <source>Export site status</source>
        <translation>Exporter l&apos;état des sites</translation>
    </message>
    <message>
        <source>Export the timeline</source>
        <translation>Exporter la chronologie</translation>
    </message>
    <message>
        <source>Export site records</source>
        <translation>Exporter les relevés des sites</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>User guide</source>
        <translation>Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Sommaire</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{value} is not a date as ACLED writes them (2023-08-13, 13 August 2023 or 13/08/2023)</source>
        <translation>{value} n&apos;est pas une date telle qu&apos;ACLED les écrit (2023-08-13, 13 August 2023 ou 13/08/2023)</translation>
    </message>
    <message>
        <source>{value} has the month first (ACLED writes the day first, 13/08/2023): save the file with dates as YYYY-MM-DD</source>
        <translation>{value} commence par le mois (ACLED écrit le jour d&apos;abord, 13/08/2023) : enregistrez le fichier avec des dates AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>{value} is not a timestamp (seconds since 1970)</source>
        <translation>{value} n&apos;est pas un horodatage (secondes depuis 1970)</translation>
    </message>
    <message>
        <source>the row has {count} cells; the header has {expected}</source>
        <translation>la ligne a {count} cellules ; l&apos;en-tête en a {expected}</translation>
    </message>
    <message>
        <source>bytes that are not UTF-8: {value} (save the file as UTF-8)</source>
        <translation>octets qui ne sont pas de l&apos;UTF-8 : {value} (enregistrez le fichier en UTF-8)</translation>
    </message>
    <message>
        <source>required, but empty</source>
        <translation>obligatoire, mais vide</translation>
    </message>
    <message>
        <source>{value} is not a date (YYYY-MM-DD)</source>
        <translation>{value} n&apos;est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>{value} is not a time (HH:MM or HH:MM:SS)</source>
        <translation>{value} n&apos;est pas une heure (HH:MM ou HH:MM:SS)</translation>
    </message>
    <message>
        <source>{value} is not a UTC date and time (YYYY-MM-DDTHH:MM:SSZ)</source>
        <translation>{value} n&apos;est pas une date et heure UTC (AAAA-MM-JJTHH:MM:SSZ)</translation>
    </message>
    <message>
        <source>{value} is not a latitude (a number from -90 to 90)</source>
        <translation>{value} n&apos;est pas une latitude (un nombre de -90 à 90)</translation>
    </message>
    <message>
        <source>{value} is not a longitude (a number from -180 to 180)</source>
        <translation>{value} n&apos;est pas une longitude (un nombre de -180 à 180)</translation>
    </message>
    <message>
        <source>{value} is not a distance in km (a number of 0 or more)</source>
        <translation>{value} n&apos;est pas une distance en km (un nombre supérieur ou égal à 0)</translation>
    </message>
    <message>
        <source>{value} is not a whole number of 0 or more</source>
        <translation>{value} n&apos;est pas un nombre entier supérieur ou égal à 0</translation>
    </message>
    <message>
        <source>{value} is not a revision number (1 or more)</source>
        <translation>{value} n&apos;est pas un numéro de révision (1 ou plus)</translation>
    </message>
    <message>
        <source>{value} is not a precision (1, 2 or 3)</source>
        <translation>{value} n&apos;est pas une précision (1, 2 ou 3)</translation>
    </message>
    <message>
        <source>{value} is not an incident type</source>
        <translation>{value} n&apos;est pas un type d&apos;incident</translation>
    </message>
    <message>
        <source>{value} is not a sub-type of {type}</source>
        <translation>{value} n&apos;est pas un sous-type de {type}</translation>
    </message>
    <message>
        <source>{value} is not a status (reported, verified, closed)</source>
        <translation>{value} n&apos;est pas un statut (reported, verified, closed)</translation>
    </message>
    <message>
        <source>{value} is not a reliability code (A-F then 1-6, e.g. B2)</source>
        <translation>{value} n&apos;est pas un code de fiabilité (A-F puis 1-6, par ex. B2)</translation>
    </message>
    <message>
        <source>{value} already appears in row {first}</source>
        <translation>{value} figure déjà à la ligne {first}</translation>
    </message>
    <message>
        <source>the row cannot be read as CSV: {error}</source>
        <translation>la ligne ne peut pas être lue comme du CSV : {error}</translation>
    </message>
    <message>
        <source>holds a control character ({character}): not text a person typed</source>
        <translation>contient un caractère de contrôle ({character}) : ce n&apos;est pas du texte saisi par une personne</translation>
    </message>
    <message>
        <source>{value} is not written as a plain number (digits, one point, no separators)</source>
        <translation>{value} n&apos;est pas écrit comme un nombre simple (chiffres, un point, sans séparateurs)</translation>
    </message>
    <message>
        <source>{value} is not an id (letters, digits and . _ : - only, at most 36 characters)</source>
        <translation>{value} n&apos;est pas un identifiant (lettres, chiffres et . _ : - seulement, 36 caractères au plus)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>unknown column {value}: not written by this version of sitmon (it reads format versions {versions})</source>
        <translation>colonne inconnue {value} : non écrite par cette version de sitmon (elle lit les versions de format {versions})</translation>
    </message>
    <message>
        <source>the column is missing</source>
        <translation>la colonne manque</translation>
    </message>
    <message>
        <source>the column appears twice</source>
        <translation>la colonne figure deux fois</translation>
    </message>
    <message>
        <source>neither a sitmon nor an ACLED CSV file (the header starts {value})</source>
        <translation>ni un fichier CSV sitmon ni un fichier CSV ACLED (l&apos;en-tête commence par {value})</translation>
    </message>
    <message>
        <source>{value} is already the external id of incident {other}</source>
        <translation>{value} est déjà l&apos;identifiant externe de l&apos;incident {other}</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Import incidents: rows with problems</source>
        <translation>Importer des incidents : lignes à problèmes</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Import &amp;none</source>
        <translation>&amp;N&apos;importer aucune ligne</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} rows cannot be imported. Nothing has been written yet.</source>
        <translation>{0} : {1} lignes sur {2} ne peuvent pas être importées. Rien n&apos;a encore été écrit.</translation>
    </message>
    <message>
        <source>{0} cannot be imported.</source>
        <translation>{0} ne peut pas être importé.</translation>
    </message>
    <message>
        <source>The first {0} of {1} problems are listed.</source>
        <translation>Les {0} premiers problèmes sur {1} sont listés.</translation>
    </message>
    <message numerus="yes">
        <source>Import the %n good rows</source>
        <translation>
            <numerusform>Importer la ligne correcte</numerusform>
            <numerusform>Importer les %n lignes correctes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentController</name>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Nouvel incident…</translation>
    </message>
    <message>
        <source>&amp;Edit incident…</source>
        <translation>&amp;Modifier l&apos;incident…</translation>
    </message>
    <message>
        <source>&amp;Delete incident</source>
        <translation>&amp;Supprimer l&apos;incident</translation>
    </message>
    <message>
        <source>Res&amp;tore incident</source>
        <translation>&amp;Rétablir l&apos;incident</translation>
    </message>
    <message>
        <source>Show &amp;audit trail…</source>
        <translation>Afficher l&apos;&amp;historique des modifications…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Re&amp;faire</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>Nouvel incident</translation>
    </message>
    <message>
        <source>Edit incident</source>
        <translation>Modifier l&apos;incident</translation>
    </message>
    <message>
        <source>Delete incident</source>
        <translation>Supprimer l&apos;incident</translation>
    </message>
    <message>
        <source>Restore incident</source>
        <translation>Rétablir l&apos;incident</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Nearest site</source>
        <translation>Site le plus proche</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Region (name)</source>
        <translation>Région (nom)</translation>
    </message>
    <message>
        <source>Cercle</source>
        <translation>Cercle</translation>
    </message>
    <message>
        <source>Place precision</source>
        <translation>Précision du lieu</translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation>Précision de la date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sub-type</source>
        <translation>Sous-type</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <source>Killed: peacekeepers</source>
        <translation>Tués : Casques bleus</translation>
    </message>
    <message>
        <source>Killed: civilians</source>
        <translation>Tués : civils</translation>
    </message>
    <message>
        <source>Killed: other</source>
        <translation>Tués : autres</translation>
    </message>
    <message>
        <source>Injured: peacekeepers</source>
        <translation>Blessés : Casques bleus</translation>
    </message>
    <message>
        <source>Injured: civilians</source>
        <translation>Blessés : civils</translation>
    </message>
    <message>
        <source>Injured: other</source>
        <translation>Blessés : autres</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Imported file</source>
        <translation>Fichier importé</translation>
    </message>
    <message>
        <source>Undone import of</source>
        <translation>Importation annulée de</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Arrived with package</source>
        <translation>Arrivé avec le paquet</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>New incident</source>
        <translation>Nouvel incident</translation>
    </message>
    <message>
        <source>Edit incident</source>
        <translation>Modifier l&apos;incident</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>HH:MM (optional)</source>
        <translation>HH:MM (facultatif)</translation>
    </message>
    <message>
        <source>16.2717, -0.0447  or  16°16&apos;18&quot;N 0°2&apos;41&quot;W  or  30Q ZD 15880 01273</source>
        <translation>16,2717 ; -0,0447  ou  16°16&apos;18&quot;N 0°2&apos;41&quot;W  ou  30Q ZD 15880 01273</translation>
    </message>
    <message>
        <source>Pick on &amp;map</source>
        <translation>Choisir sur la &amp;carte</translation>
    </message>
    <message>
        <source>Click the map to place the incident (the form stays open)</source>
        <translation>Cliquez sur la carte pour placer l&apos;incident (le formulaire reste ouvert)</translation>
    </message>
    <message>
        <source>Place at a site…</source>
        <translation>Placer sur un site…</translation>
    </message>
    <message>
        <source>filled from the nearest named place; edit as needed</source>
        <translation>rempli avec le lieu nommé le plus proche ; modifiable</translation>
    </message>
    <message>
        <source>How precise the position is, as ACLED rates it; 3 is drawn hollow on the map</source>
        <translation>Précision de la position, notée comme ACLED le fait ; 3 est dessiné creux sur la carte</translation>
    </message>
    <message>
        <source>How precise the date is, as ACLED rates it</source>
        <translation>Précision de la date, notée comme ACLED le fait</translation>
    </message>
    <message>
        <source>The position is right</source>
        <translation>La position est juste</translation>
    </message>
    <message>
        <source>Choose a type…</source>
        <translation>Choisissez un type…</translation>
    </message>
    <message>
        <source>Sensitive: stays on this laptop unless exported in full</source>
        <translation>Sensible : reste sur cet ordinateur, sauf export complet</translation>
    </message>
    <message>
        <source>e.g. B2</source>
        <translation>par ex. B2</translation>
    </message>
    <message>
        <source>Admiralty code: source reliability A-F, information credibility 1-6</source>
        <translation>Code de l&apos;Amirauté : fiabilité de la source A-F, crédibilité de l&apos;information 1-6</translation>
    </message>
    <message>
        <source>&amp;Date (UTC)</source>
        <translation>&amp;Date (UTC)</translation>
    </message>
    <message>
        <source>T&amp;ime (UTC)</source>
        <translation>&amp;Heure (UTC)</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>Pla&amp;ce</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Pr&amp;ecision</source>
        <translation>Pr&amp;écision</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>S&amp;ub-type</source>
        <translation>Sous-t&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Actors</source>
        <translation>&amp;Acteurs</translation>
    </message>
    <message>
        <source>Casualties</source>
        <translation>Victimes</translation>
    </message>
    <message>
        <source>Descri&amp;ption</source>
        <translation>Descri&amp;ption</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>&amp;Reliability</source>
        <translation>&amp;Fiabilité</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>Stat&amp;ut</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lieu</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>Peacekeepers</source>
        <translation>Casques bleus</translation>
    </message>
    <message>
        <source>Civilians</source>
        <translation>Civils</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Tués</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Blessés</translation>
    </message>
    <message>
        <source>Killed, peacekeepers</source>
        <translation>Tués, Casques bleus</translation>
    </message>
    <message>
        <source>Killed, civilians</source>
        <translation>Tués, civils</translation>
    </message>
    <message>
        <source>Killed, other</source>
        <translation>Tués, autres</translation>
    </message>
    <message>
        <source>Injured, peacekeepers</source>
        <translation>Blessés, Casques bleus</translation>
    </message>
    <message>
        <source>Injured, civilians</source>
        <translation>Blessés, civils</translation>
    </message>
    <message>
        <source>Injured, other</source>
        <translation>Blessés, autres</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Nearest place: %1 (%2 km)</source>
        <translation>Lieu le plus proche : %1 (%2 km)</translation>
    </message>
    <message>
        <source>Nearest site: %1 (%2 km)</source>
        <translation>Site le plus proche : %1 (%2 km)</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Région : %1</translation>
    </message>
    <message>
        <source>outside Mali</source>
        <translation>hors du Mali</translation>
    </message>
</context>
<context>
    <name>IncidentSummary</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Incidents per week</source>
        <translation>Incidents / semaine</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) in the current filter</source>
        <translation>
            <numerusform>%n incident dans le filtre actuel</numerusform>
            <numerusform>%n incidents dans le filtre actuel</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>IncidentTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sub-type</source>
        <translation>Sous-type</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Nearest site</source>
        <translation>Site le plus proche</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Place precision</source>
        <translation>Précision du lieu</translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation>Précision de la date</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Tués</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Blessés</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Updated (UTC)</source>
        <translation>Mis à jour (UTC)</translation>
    </message>
    <message>
        <source>Up to the timeline&apos;s date</source>
        <translation>Jusqu&apos;à la date de la chronologie</translation>
    </message>
    <message>
        <source>Search description, actors, notes, source, place</source>
        <translation>Chercher dans la description, les acteurs, les notes, la source, le lieu</translation>
    </message>
    <message>
        <source>Finds incidents where every word typed starts a word of the description, actors, notes or source, in any order, ignoring case and accents; or the start of an incident id.</source>
        <translation>Trouve les incidents dont la description, les acteurs, les notes ou la source ont un mot commençant par chaque mot saisi, dans n&apos;importe quel ordre, sans tenir compte des majuscules ni des accents ; ou le début d&apos;un identifiant d&apos;incident.</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>Afficher les supprimés</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>any</source>
        <translation>toute date</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Incidents</name>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>not a date: write it as YYYY-MM-DD, e.g. 2023-08-13</source>
        <translation>date non valide : écrivez-la AAAA-MM-JJ, par ex. 2023-08-13</translation>
    </message>
    <message>
        <source>{day} is in the future</source>
        <translation>le {day} est dans le futur</translation>
    </message>
    <message>
        <source>not a time: write it as HH:MM (UTC), e.g. 14:30</source>
        <translation>heure non valide : écrivez-la HH:MM (UTC), par ex. 14:30</translation>
    </message>
    <message>
        <source>unknown type “{value}”</source>
        <translation>type inconnu « {value} »</translation>
    </message>
    <message>
        <source>“{value}” is not a sub-type of this type</source>
        <translation>« {value} » n&apos;est pas un sous-type de ce type</translation>
    </message>
    <message>
        <source>unknown status “{value}”</source>
        <translation>statut inconnu « {value} »</translation>
    </message>
    <message>
        <source>a whole number from 0 to {high}</source>
        <translation>un nombre entier de 0 à {high}</translation>
    </message>
    <message>
        <source>admiralty code: a letter A-F and a digit 1-6, e.g. B2</source>
        <translation>code de l&apos;Amirauté : une lettre A-F et un chiffre 1-6, par ex. B2</translation>
    </message>
    <message>
        <source>a precision of 1, 2 or 3</source>
        <translation>une précision de 1, 2 ou 3</translation>
    </message>
    <message>
        <source>{km:.0f} km from the nearest site: is the position right?</source>
        <translation>à {km:.0f} km du site le plus proche : la position est-elle juste ?</translation>
    </message>
    <message>
        <source>outside Mali and its neighbours: is the position right?</source>
        <translation>hors du Mali et des pays voisins : la position est-elle juste ?</translation>
    </message>
</context>
<context>
    <name>InterfaceController</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Lar&amp;ger text (interface zoom)</source>
        <translation>Texte plus gra&amp;nd (zoom de l&apos;interface)</translation>
    </message>
    <message>
        <source>Smaller te&amp;xt (interface zoom)</source>
        <translation>Texte plus pe&amp;tit (zoom de l&apos;interface)</translation>
    </message>
    <message>
        <source>Reset interface &amp;zoom</source>
        <translation>Ré&amp;initialiser le zoom de l&apos;interface</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>The new language applies when sitmon is started again.</source>
        <translation>La nouvelle langue s&apos;appliquera au prochain démarrage de sitmon.</translation>
    </message>
    <message>
        <source>Map (click it or Tab to it first)</source>
        <translation>Carte (cliquez dessus ou atteignez-la avec Tab d&apos;abord)</translation>
    </message>
    <message>
        <source>Timeline (click it or Tab to it first)</source>
        <translation>Chronologie (cliquez dessus ou atteignez-la avec Tab d&apos;abord)</translation>
    </message>
    <message>
        <source>Incident form</source>
        <translation>Formulaire d&apos;incident</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Next field, previous field</source>
        <translation>Champ suivant, champ précédent</translation>
    </message>
</context>
<context>
    <name>KeyFiguresPanel</name>
    <message>
        <source>days to the deadline ({0})</source>
        <translation>jours avant l&apos;échéance ({0})</translation>
    </message>
    <message>
        <source>days past the deadline ({0})</source>
        <translation>jours après l&apos;échéance ({0})</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} sur {1}</translation>
    </message>
    <message>
        <source>camps and bases handed over</source>
        <translation>camps et bases remis</translation>
    </message>
    <message>
        <source>personnel repatriated (no figure yet)</source>
        <translation>personnels rapatriés (pas encore de chiffre)</translation>
    </message>
    <message>
        <source>military and police personnel repatriated (as of {0})</source>
        <translation>militaires et policiers rapatriés (au {0})</translation>
    </message>
    <message>
        <source>civilian staff repatriated (as of {0})</source>
        <translation>personnels civils rapatriés (au {0})</translation>
    </message>
    <message>
        <source>closures overdue (window ended, no confirmed handover)</source>
        <translation>fermetures en retard (fenêtre terminée, aucune remise confirmée)</translation>
    </message>
    <message>
        <source>{0}: {1} as of {2} ({3})</source>
        <translation>{0} : {1} au {2} ({3})</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>scénario</translation>
    </message>
    <message>
        <source>recorded, {0}</source>
        <translation>relevé {0}</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Add layer…</source>
        <translation>Ajouter une couche…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Show only the incidents of the last days up to the current date</source>
        <translation>N&apos;afficher que les incidents des derniers jours jusqu&apos;à la date courante</translation>
    </message>
    <message>
        <source>Incidents of the last:</source>
        <translation>Incidents des derniers :</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>sitmon — {0}</source>
        <translation>sitmon — {0}</translation>
    </message>
    <message>
        <source>Site card</source>
        <translation>Fiche du site</translation>
    </message>
    <message>
        <source>Incident summary</source>
        <translation>Synthèse des incidents</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Incident log</source>
        <translation>Journal des incidents</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <source>Site status</source>
        <translation>État des sites</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Mouvements</translation>
    </message>
    <message>
        <source>Route risk</source>
        <translation>Risque sur l&apos;itinéraire</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>Route ris&amp;k…</source>
        <translation>Ris&amp;que sur l&apos;itinéraire…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>&amp;About sitmon</source>
        <translation>À &amp;propos de sitmon</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Base de données : {0}</translation>
    </message>
    <message>
        <source>Read-only: {0} cannot be written, so changes are not saved.</source>
        <translation>Lecture seule : {0} ne peut pas être écrit, les modifications ne sont donc pas enregistrées.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Current date: {0}</source>
        <translation>Date courante : {0}</translation>
    </message>
    <message>
        <source>The incidents could not be loaded: {0}</source>
        <translation>Les incidents n&apos;ont pas pu être chargés : {0}</translation>
    </message>
    <message>
        <source>Click the route&apos;s points on the map; Enter or Esc ends it.</source>
        <translation>Cliquez les points de l&apos;itinéraire sur la carte ; Entrée ou Échap pour terminer.</translation>
    </message>
    <message>
        <source>sitmon</source>
        <translation>sitmon</translation>
    </message>
    <message>
        <source>About sitmon</source>
        <translation>À propos de sitmon</translation>
    </message>
    <message>
        <source>&lt;h3&gt;sitmon&lt;/h3&gt;&lt;p&gt;Offline situation monitor for field coordinators.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Map data&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;{0}&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Scenario sources&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;{1}&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;sitmon&lt;/h3&gt;&lt;p&gt;Suivi de situation hors ligne pour les coordinateurs de terrain.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Données cartographiques&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;{0}&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Sources du scénario&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;{1}&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <source>NSEW</source>
        <comment>the hemisphere letters: north, south, east, west</comment>
        <translation>NSEO</translation>
    </message>
    <message>
        <source>{0}   {1}   MGRS {2}   {3}</source>
        <translation>{0}   {1}   MGRS {2}   {3}</translation>
    </message>
    <message>
        <source>{0} km</source>
        <translation>{0} km</translation>
    </message>
    <message>
        <source>Camps and bases</source>
        <translation>Camps et bases</translation>
    </message>
    <message>
        <source>Redeployments under way</source>
        <translation>Redéploiements en cours</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Mouvements</translation>
    </message>
    <message>
        <source>Routes under study</source>
        <translation>Itinéraires étudiés</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Towns</source>
        <translation>Villes</translation>
    </message>
    <message>
        <source>Niger river and lakes</source>
        <translation>Fleuve Niger et lacs</translation>
    </message>
    <message>
        <source>Regions of Mali</source>
        <translation>Régions du Mali</translation>
    </message>
    <message>
        <source>Nouakchott 2013 states (regional view)</source>
        <translation>États de Nouakchott 2013 (vue régionale)</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Cannot add the layer {0}: {1}</source>
        <translation>Impossible d&apos;ajouter la couche {0} : {1}</translation>
    </message>
    <message>
        <source>Add a map layer</source>
        <translation>Ajouter une couche cartographique</translation>
    </message>
    <message>
        <source>Map layers ({0})</source>
        <translation>Couches cartographiques ({0})</translation>
    </message>
    <message>
        <source>Measure &amp;distance</source>
        <translation>Mesurer une &amp;distance</translation>
    </message>
    <message>
        <source>Add map &amp;layer…</source>
        <translation>Ajouter une &amp;couche…</translation>
    </message>
    <message>
        <source>Zoom to &amp;Mali</source>
        <translation>Zoom sur le &amp;Mali</translation>
    </message>
    <message>
        <source>Regional &amp;view (Nouakchott 2013 states)</source>
        <translation>Vue &amp;régionale (États de Nouakchott 2013)</translation>
    </message>
    <message>
        <source>Zoom to &amp;selected site</source>
        <translation>Zoom sur le &amp;site sélectionné</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom arrièr&amp;e</translation>
    </message>
    <message>
        <source>Map &amp;legend</source>
        <translation>&amp;Légende de la carte</translation>
    </message>
    <message>
        <source>Zoom to &amp;region</source>
        <translation>Zoom sur une ré&amp;gion</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>N</source>
        <comment>north</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>{0} km</source>
        <translation>{0} km</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>States at the Nouakchott meeting (2013)</source>
        <translation>États de la réunion de Nouakchott (2013)</translation>
    </message>
    <message>
        <source>Sites on {0}</source>
        <translation>Sites au {0}</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Redeployment under way</source>
        <translation>Redéploiement en cours</translation>
    </message>
    <message>
        <source>Incidents, {0} days to {1}</source>
        <translation>Incidents, {0} jours jusqu&apos;au {1}</translation>
    </message>
    <message>
        <source>Incidents to {0}</source>
        <translation>Incidents jusqu&apos;au {0}</translation>
    </message>
    <message>
        <source>Hollow: only the region is known</source>
        <translation>Creux : seule la région est connue</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <source>Larger: more killed and injured</source>
        <translation>Plus grand : plus de tués et de blessés</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Mouvements</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>arrivé</translation>
    </message>
    <message>
        <source>Incidents recorded near the route</source>
        <translation>Incidents enregistrés près de l&apos;itinéraire</translation>
    </message>
    <message>
        <source>Pan the map</source>
        <translation>Déplacer la carte</translation>
    </message>
    <message>
        <source>Zoom the map in</source>
        <translation>Zoom avant sur la carte</translation>
    </message>
    <message>
        <source>Zoom the map out</source>
        <translation>Zoom arrière sur la carte</translation>
    </message>
    <message>
        <source>Stop measuring or picking a position</source>
        <translation>Arrêter la mesure ou le choix d&apos;une position</translation>
    </message>
    <message>
        <source>End the route being drawn</source>
        <translation>Terminer l&apos;itinéraire en cours de tracé</translation>
    </message>
    <message>
        <source>{0}, {1}: {2} killed or injured</source>
        <translation>{0}, {1} : {2} tués ou blessés</translation>
    </message>
    <message>
        <source> (recorded in the field)</source>
        <translation> (relevé sur le terrain)</translation>
    </message>
</context>
<context>
    <name>MovementController</name>
    <message>
        <source>New &amp;movement…</source>
        <translation>No&amp;uveau mouvement…</translation>
    </message>
    <message>
        <source>Edit m&amp;ovement…</source>
        <translation>Modifier le m&amp;ouvement…</translation>
    </message>
    <message>
        <source>Delete mo&amp;vement</source>
        <translation>Supprimer le mou&amp;vement</translation>
    </message>
    <message>
        <source>Movement&apos;s audit trai&amp;l…</source>
        <translation>Histori&amp;que du mouvement…</translation>
    </message>
    <message>
        <source>Export mo&amp;vements…</source>
        <translation>Exp&amp;orter les mouvements…</translation>
    </message>
    <message>
        <source>arrived {0} (left {1})</source>
        <translation>arrivé le {0} (parti le {1})</translation>
    </message>
    <message>
        <source>under way since {0}</source>
        <translation>en cours depuis le {0}</translation>
    </message>
    <message>
        <source>aborted (planned for {0})</source>
        <translation>annulé (prévu le {0})</translation>
    </message>
    <message>
        <source>planned for {0}</source>
        <translation>prévu le {0}</translation>
    </message>
    <message>
        <source>planned arrival {0}</source>
        <translation>arrivée prévue le {0}</translation>
    </message>
    <message>
        <source>→ {0}: {1}</source>
        <translation>→ {0} : {1}</translation>
    </message>
    <message>
        <source>← from {0}: {1}</source>
        <translation>← de {0} : {1}</translation>
    </message>
    <message>
        <source>New movement</source>
        <translation>Nouveau mouvement</translation>
    </message>
    <message>
        <source>Edit movement</source>
        <translation>Modifier le mouvement</translation>
    </message>
    <message>
        <source>Delete movement</source>
        <translation>Supprimer le mouvement</translation>
    </message>
    <message>
        <source>Restore movement</source>
        <translation>Restaurer le mouvement</translation>
    </message>
    <message>
        <source>Export movements</source>
        <translation>Exporter les mouvements</translation>
    </message>
    <message>
        <source>Exporting movements…</source>
        <translation>Export des mouvements…</translation>
    </message>
    <message>
        <source>Wrote {0} movements to {1}</source>
        <translation>{0} mouvements écrits dans {1}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Départ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Planned departure</source>
        <translation>Départ prévu</translation>
    </message>
    <message>
        <source>Planned arrival</source>
        <translation>Arrivée prévue</translation>
    </message>
    <message>
        <source>Departed on</source>
        <translation>Parti le</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>Arrivé le</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Véhicules</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>Incidents liés</translation>
    </message>
</context>
<context>
    <name>MovementForm</name>
    <message>
        <source>New movement</source>
        <translation>Nouveau mouvement</translation>
    </message>
    <message>
        <source>Edit movement</source>
        <translation>Modifier le mouvement</translation>
    </message>
    <message>
        <source>Choose a site…</source>
        <translation>Choisir un site…</translation>
    </message>
    <message>
        <source>optional: sites (their ids) or positions, separated by ;</source>
        <translation>facultatif : sites (leurs identifiants) ou positions, séparés par ;</translation>
    </message>
    <message>
        <source>Site ids: {0}</source>
        <translation>Identifiants des sites : {0}</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>AAAA-MM-JJ (facultatif)</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>ids of incidents of the log, separated by spaces</source>
        <translation>identifiants d&apos;incidents du journal, séparés par des espaces</translation>
    </message>
    <message>
        <source>Link the selected incident</source>
        <translation>Lier l&apos;incident sélectionné</translation>
    </message>
    <message>
        <source>Select an incident in the log or on the map first</source>
        <translation>Sélectionnez d&apos;abord un incident dans le journal ou sur la carte</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Départ</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Arrivée</translation>
    </message>
    <message>
        <source>&amp;Via</source>
        <translation>&amp;Par</translation>
    </message>
    <message>
        <source>&amp;Planned departure</source>
        <translation>Départ &amp;prévu</translation>
    </message>
    <message>
        <source>Planned a&amp;rrival</source>
        <translation>A&amp;rrivée prévue</translation>
    </message>
    <message>
        <source>&amp;Departed on</source>
        <translation>Parti &amp;le</translation>
    </message>
    <message>
        <source>&amp;Arrived on</source>
        <translation>Arri&amp;vé le</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>É&amp;tat</translation>
    </message>
    <message>
        <source>Pe&amp;rsonnel</source>
        <translation>Pe&amp;rsonnel</translation>
    </message>
    <message>
        <source>V&amp;ehicles</source>
        <translation>Véhi&amp;cules</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Effectifs</translation>
    </message>
    <message>
        <source>&amp;Linked incidents</source>
        <translation>&amp;Incidents liés</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
</context>
<context>
    <name>MovementModel</name>
    <message>
        <source>Route</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>Planned departure</source>
        <translation>Départ prévu</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>Parti</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Personnel</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Véhicules</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Linked incidents</source>
        <translation>Incidents liés</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source> (deleted)</source>
        <translation> (supprimé)</translation>
    </message>
</context>
<context>
    <name>MovementStatus</name>
    <message>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>arrivé</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>annulé</translation>
    </message>
</context>
<context>
    <name>MovementTable</name>
    <message>
        <source>&amp;New movement…</source>
        <translation>&amp;Nouveau mouvement…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>Res&amp;taurer</translation>
    </message>
    <message>
        <source>Route &amp;risk</source>
        <translation>&amp;Risque sur l&apos;itinéraire</translation>
    </message>
    <message>
        <source>The incidents recorded near this movement&apos;s route</source>
        <translation>Les incidents enregistrés près de l&apos;itinéraire de ce mouvement</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>Afficher les supprimés</translation>
    </message>
</context>
<context>
    <name>Movements</name>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>unknown site {value!r}</source>
        <translation>site inconnu {value!r}</translation>
    </message>
    <message>
        <source>the same site as the start: add a waypoint for a round trip</source>
        <translation>le même site que le départ : ajoutez un point de passage pour un aller-retour</translation>
    </message>
    <message>
        <source>waypoint {n}: {value!r} is neither a site nor a position</source>
        <translation>point de passage {n} : {value!r} n&apos;est ni un site ni une position</translation>
    </message>
    <message>
        <source>at most {limit} waypoints</source>
        <translation>au plus {limit} points de passage</translation>
    </message>
    <message>
        <source>not a date: write it as YYYY-MM-DD, e.g. 2023-08-13</source>
        <translation>pas une date : écrivez-la AAAA-MM-JJ, par exemple 2023-08-13</translation>
    </message>
    <message>
        <source>{day} is before {other}</source>
        <translation>{day} est avant {other}</translation>
    </message>
    <message>
        <source>{day} is in the future</source>
        <translation>{day} est dans le futur</translation>
    </message>
    <message>
        <source>unknown status {value!r}</source>
        <translation>état inconnu {value!r}</translation>
    </message>
    <message>
        <source>a planned movement has not departed: clear the date or change the status</source>
        <translation>un mouvement prévu n&apos;est pas parti : effacez la date ou changez l&apos;état</translation>
    </message>
    <message>
        <source>required for a movement {status}</source>
        <translation>obligatoire pour un mouvement {status}</translation>
    </message>
    <message>
        <source>a movement {status} has not arrived: clear the date or change the status</source>
        <translation>un mouvement {status} n&apos;est pas arrivé : effacez la date ou changez l&apos;état</translation>
    </message>
    <message>
        <source>an arrival needs a departure</source>
        <translation>une arrivée suppose un départ</translation>
    </message>
    <message>
        <source>a whole number from 0 to {high}, or empty if not known</source>
        <translation>un nombre entier de 0 à {high}, ou vide s&apos;il est inconnu</translation>
    </message>
    <message>
        <source>at most {limit} characters</source>
        <translation>au plus {limit} caractères</translation>
    </message>
    <message>
        <source>no incident {value!r} in the log</source>
        <translation>aucun incident {value!r} dans le journal</translation>
    </message>
    <message>
        <source>{value!r} is not an incident id</source>
        <translation>{value!r} n&apos;est pas un identifiant d&apos;incident</translation>
    </message>
    <message>
        <source>at most {limit} linked incidents</source>
        <translation>au plus {limit} incidents liés</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <source>Signed by laptop {0}, key {1}: its first package here, its key is now remembered.</source>
        <translation>Signé par le portable {0}, clé {1} : son premier paquet ici, sa clé est désormais retenue.</translation>
    </message>
    <message>
        <source>Signed by laptop {0}, key {1}: the key it has used here since {2}.</source>
        <translation>Signé par le portable {0}, clé {1} : la clé qu&apos;il utilise ici depuis le {2}.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>Base de données chiffrée</translation>
    </message>
    <message>
        <source>Encrypted data package</source>
        <translation>Paquet de données chiffré</translation>
    </message>
    <message>
        <source>{0} is an encrypted data package. Enter its passphrase:</source>
        <translation>{0} est un paquet de données chiffré. Saisissez sa phrase secrète :</translation>
    </message>
    <message>
        <source>{0} is encrypted. Enter its passphrase:</source>
        <translation>{0} est chiffrée. Saisissez sa phrase secrète :</translation>
    </message>
</context>
<context>
    <name>Personnel</name>
    <message>
        <source>military</source>
        <translation>militaires</translation>
    </message>
    <message>
        <source>police</source>
        <translation>policiers</translation>
    </message>
    <message>
        <source>civilian</source>
        <translation>civils</translation>
    </message>
</context>
<context>
    <name>Precision</name>
    <message>
        <source>1: the exact place</source>
        <translation>1 : le lieu exact</translation>
    </message>
    <message>
        <source>2: near the place</source>
        <translation>2 : près du lieu</translation>
    </message>
    <message>
        <source>3: only the region</source>
        <translation>3 : la région seulement</translation>
    </message>
    <message>
        <source>1: the day</source>
        <translation>1 : le jour</translation>
    </message>
    <message>
        <source>2: within the week</source>
        <translation>2 : dans la semaine</translation>
    </message>
    <message>
        <source>3: within the month</source>
        <translation>3 : dans le mois</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>High contrast (bright sun)</source>
        <translation>Contraste élevé (plein soleil)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Text size, in percent of the system&apos;s (Ctrl++ and Ctrl+- change it too)</source>
        <translation>Taille du texte, en pourcentage de celle du système (Ctrl++ et Ctrl+- la changent aussi)</translation>
    </message>
    <message>
        <source>Recorded with every change to the incident log; empty: the login name</source>
        <translation>Enregistré avec chaque modification du journal des incidents ; vide : le nom de connexion</translation>
    </message>
    <message>
        <source>Printed at the top and bottom of every briefing page</source>
        <translation>Imprimée en haut et en bas de chaque page du dossier de briefing</translation>
    </message>
    <message>
        <source>A new language applies when sitmon is started again.</source>
        <translation>Une nouvelle langue s&apos;applique au prochain démarrage de sitmon.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Interface &amp;zoom:</source>
        <translation>&amp;Zoom de l&apos;interface :</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>Nom de l&apos;&amp;auteur :</translation>
    </message>
    <message>
        <source>Briefing &amp;marking:</source>
        <translation>&amp;Mention de diffusion du briefing :</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>Mode &amp;présentation</translation>
    </message>
</context>
<context>
    <name>ProfileStrip</name>
    <message>
        <source>km from the start</source>
        <translation>km depuis le départ</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>poids</translation>
    </message>
    <message>
        <source>Hover a bar for its stretch</source>
        <translation>Survolez une barre pour son tronçon</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Edit the record of {0}</source>
        <translation>Modifier le relevé de {0}</translation>
    </message>
    <message>
        <source>Record an update of {0}</source>
        <translation>Enregistrer une mise à jour de {0}</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>Aujourd&apos;&amp;hui</translation>
    </message>
    <message>
        <source>&amp;Cursor date ({0})</source>
        <translation>Date du &amp;curseur ({0})</translation>
    </message>
    <message>
        <source>This corrects an earlier, higher figure</source>
        <translation>Ce chiffre corrige un chiffre antérieur plus élevé</translation>
    </message>
    <message>
        <source>Who reported it, e.g. radio Goundam (sensitive)</source>
        <translation>Qui l&apos;a signalé, par ex. radio Goundam (sensible)</translation>
    </message>
    <message>
        <source>e.g. B2</source>
        <translation>par ex. B2</translation>
    </message>
    <message>
        <source>Admiralty code: source reliability A-F, information credibility 1-6</source>
        <translation>Code de l&apos;Amirauté : fiabilité de la source A-F, crédibilité de l&apos;information 1-6</translation>
    </message>
    <message>
        <source>Sensitive: who received the site, why the date moved…</source>
        <translation>Sensible : qui a reçu le site, pourquoi la date a changé…</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Quoi</translation>
    </message>
    <message>
        <source>&amp;Date (UTC)</source>
        <translation>&amp;Date (UTC)</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>C&amp;atégorie</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>&amp;Reliability</source>
        <translation>&amp;Fiabilité</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>The site was handed over to the authorities on this date; who received it goes in the note.</source>
        <translation>Le site a été remis aux autorités à cette date ; qui l&apos;a reçu va dans la note.</translation>
    </message>
    <message>
        <source>The handover is now planned for this date (it may be in the future); the reason goes in the note.</source>
        <translation>La remise est désormais prévue à cette date (elle peut être future) ; la raison va dans la note.</translation>
    </message>
    <message>
        <source>The closure (the first movement out) began on this date.</source>
        <translation>La fermeture (le premier départ) a commencé à cette date.</translation>
    </message>
    <message>
        <source>A rear party took over the site on this date.</source>
        <translation>Une arrière-garde a pris le site en charge à cette date.</translation>
    </message>
    <message>
        <source>The site&apos;s footprint was reduced on this date.</source>
        <translation>L&apos;empreinte du site a été réduite à cette date.</translation>
    </message>
    <message>
        <source>The site became a liquidation hub on this date.</source>
        <translation>Le site est devenu un pôle de liquidation à cette date.</translation>
    </message>
    <message>
        <source>The site was returned to the government on this date.</source>
        <translation>Le site a été restitué au gouvernement à cette date.</translation>
    </message>
    <message>
        <source>How many personnel of a category the mission had repatriated in all, as of this date.</source>
        <translation>Combien de personnels d&apos;une catégorie la mission avait rapatriés au total, à cette date.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>The database is replaced by the chosen backup. The database as it is now is backed up first, so a restore can be undone by restoring that copy.</source>
        <translation>La base de données est remplacée par la sauvegarde choisie. La base actuelle est d&apos;abord sauvegardée : une restauration peut donc être annulée en restaurant cette copie.</translation>
    </message>
    <message>
        <source>Taken (UTC)</source>
        <translation>Prise le (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Avant une importation</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Avant une restauration</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>Sauvegarde manuelle</translation>
    </message>
    <message>
        <source>Damaged file set aside</source>
        <translation>Fichier endommagé mis de côté</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Avant une mise à niveau</translation>
    </message>
</context>
<context>
    <name>RouteController</name>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>This movement&apos;s route cannot be drawn: a site of it is not in the scenario.</source>
        <translation>L&apos;itinéraire de ce mouvement ne peut pas être tracé : l&apos;un de ses sites n&apos;est pas dans le scénario.</translation>
    </message>
    <message>
        <source>{0} (movement of {1})</source>
        <translation>{0} (mouvement du {1})</translation>
    </message>
    <message>
        <source>{0} points drawn on the map</source>
        <translation>{0} points tracés sur la carte</translation>
    </message>
    <message>
        <source>No map layer with lines: add one first (File &gt; Add map layer).</source>
        <translation>Aucune couche avec des lignes : ajoutez-en une d&apos;abord (Fichier &gt; Ajouter une couche).</translation>
    </message>
    <message>
        <source>No line of a map layer there: click on a line.</source>
        <translation>Aucune ligne d&apos;une couche à cet endroit : cliquez sur une ligne.</translation>
    </message>
    <message>
        <source>A line of a map layer</source>
        <translation>Une ligne d&apos;une couche</translation>
    </message>
    <message>
        <source>A route needs two distinct positions.</source>
        <translation>Un itinéraire a besoin de deux positions distinctes.</translation>
    </message>
    <message>
        <source>{0}: {1}, {2} km</source>
        <translation>{0} : {1}, {2} km</translation>
    </message>
    <message numerus="yes">
        <source>Incidents recorded near this route: %n ({0} days to {1}, within {2} km).</source>
        <translation>
            <numerusform>Incidents enregistrés près de cet itinéraire : %n ({0} jours jusqu&apos;au {1}, à moins de {2} km).</numerusform>
            <numerusform>Incidents enregistrés près de cet itinéraire : %n ({0} jours jusqu&apos;au {1}, à moins de {2} km).</numerusform>
        </translation>
    </message>
    <message>
        <source>km {0} to {1}: {2} incidents ({3} killed, {4} injured), weight {5}{6}</source>
        <translation>km {0} à {1} : {2} incidents ({3} tués, {4} blessés), poids {5}{6}</translation>
    </message>
    <message>
        <source>, mostly {0}</source>
        <translation>, surtout {0}</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <source>The buttons make route {0}</source>
        <translation>Les boutons font l&apos;itinéraire {0}</translation>
    </message>
    <message>
        <source>Add a site to the route, in travel order</source>
        <translation>Ajouter un site à l&apos;itinéraire, dans l&apos;ordre du trajet</translation>
    </message>
    <message>
        <source>The route of a recorded movement</source>
        <translation>L&apos;itinéraire d&apos;un mouvement enregistré</translation>
    </message>
    <message>
        <source>&amp;Draw on map</source>
        <translation>&amp;Tracer sur la carte</translation>
    </message>
    <message>
        <source>Click the route&apos;s points on the map; Enter or Esc ends it</source>
        <translation>Cliquez les points de l&apos;itinéraire sur la carte ; Entrée ou Échap pour terminer</translation>
    </message>
    <message>
        <source>Line of a map &amp;layer</source>
        <translation>Ligne d&apos;une &amp;couche</translation>
    </message>
    <message>
        <source>Click a line of a layer you added (roads from the GIS unit)</source>
        <translation>Cliquez une ligne d&apos;une couche que vous avez ajoutée (routes de la cellule SIG)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>Take this route off</source>
        <translation>Retirer cet itinéraire</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Options</translation>
    </message>
    <message>
        <source>Corridor, days, stretches and half-life (both routes)</source>
        <translation>Corridor, jours, tronçons et demi-vie (les deux itinéraires)</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Itinéraire</translation>
    </message>
    <message>
        <source>One week earlier</source>
        <translation>Une semaine plus tôt</translation>
    </message>
    <message>
        <source>One day earlier</source>
        <translation>Un jour plus tôt</translation>
    </message>
    <message>
        <source>One day later</source>
        <translation>Un jour plus tard</translation>
    </message>
    <message>
        <source>One week later</source>
        <translation>Une semaine plus tard</translation>
    </message>
    <message>
        <source>Corridor ±</source>
        <translation>Corridor ±</translation>
    </message>
    <message>
        <source>Incidents within this distance of the route (on the ellipsoid), either side</source>
        <translation>Les incidents à cette distance de l&apos;itinéraire (sur l&apos;ellipsoïde), de part et d&apos;autre</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Derniers</translation>
    </message>
    <message>
        <source>Incidents of these days, up to the current date</source>
        <translation>Les incidents de ces jours, jusqu&apos;à la date courante</translation>
    </message>
    <message>
        <source>Stretches of</source>
        <translation>Tronçons de</translation>
    </message>
    <message>
        <source>The route is weighed stretch by stretch</source>
        <translation>L&apos;itinéraire est pesé tronçon par tronçon</translation>
    </message>
    <message>
        <source>Half-life</source>
        <translation>Demi-vie</translation>
    </message>
    <message>
        <source>An incident this many days old weighs half</source>
        <translation>Un incident de cet âge (en jours) pèse moitié moins</translation>
    </message>
    <message>
        <source>Add a site…</source>
        <translation>Ajouter un site…</translation>
    </message>
    <message>
        <source>A movement&apos;s route…</source>
        <translation>L&apos;itinéraire d&apos;un mouvement…</translation>
    </message>
    <message>
        <source>Route {0}: {1} → …</source>
        <translation>Itinéraire {0} : {1} → …</translation>
    </message>
    <message>
        <source>Add the next site.</source>
        <translation>Ajoutez le site suivant.</translation>
    </message>
</context>
<context>
    <name>RouteStyle</name>
    <message>
        <source>nothing recorded</source>
        <translation>rien d&apos;enregistré</translation>
    </message>
    <message>
        <source>weight up to 1</source>
        <translation>poids jusqu&apos;à 1</translation>
    </message>
    <message>
        <source>weight 1 to 3</source>
        <translation>poids de 1 à 3</translation>
    </message>
    <message>
        <source>weight 3 to 6</source>
        <translation>poids de 3 à 6</translation>
    </message>
    <message>
        <source>weight over 6</source>
        <translation>poids au-delà de 6</translation>
    </message>
</context>
<context>
    <name>RouteTable</name>
    <message>
        <source>stretch</source>
        <translation>tronçon</translation>
    </message>
    <message>
        <source>from km</source>
        <translation>du km</translation>
    </message>
    <message>
        <source>to km</source>
        <translation>au km</translation>
    </message>
    <message>
        <source>incidents</source>
        <translation>incidents</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>tués</translation>
    </message>
    <message>
        <source>injured</source>
        <translation>blessés</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>poids</translation>
    </message>
    <message>
        <source>mostly</source>
        <translation>surtout</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>km along</source>
        <translation>km parcourus</translation>
    </message>
    <message>
        <source>km off</source>
        <translation>km d&apos;écart</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lieu</translation>
    </message>
    <message>
        <source>from</source>
        <translation>départ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>arrivée</translation>
    </message>
    <message>
        <source>planned departure</source>
        <translation>départ prévu</translation>
    </message>
    <message>
        <source>departed</source>
        <translation>parti</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>arrivé</translation>
    </message>
    <message>
        <source>status</source>
        <translation>état</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
</context>
<context>
    <name>Routes</name>
    <message>
        <source>{name} must be from {low} to {high}</source>
        <translation>{name} doit être de {low} à {high}</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>{reason} (got {value})</source>
        <translation>{reason} (valeur lue : {value})</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>ne peut pas être lu ({error})</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>n&apos;est pas du texte UTF-8</translation>
    </message>
    <message>
        <source>TOML syntax error: {error}</source>
        <translation>erreur de syntaxe TOML : {error}</translation>
    </message>
    <message>
        <source>tables or lists nested too deep to be a scenario</source>
        <translation>tables ou listes trop imbriquées pour un scénario</translation>
    </message>
    <message>
        <source>format {version} is newer than this sitmon reads ({supported}); update sitmon</source>
        <translation>le format {version} est plus récent que ce que lit ce sitmon ({supported}) ; mettez sitmon à jour</translation>
    </message>
    <message>
        <source>must be {expected}, not {version}</source>
        <translation>doit valoir {expected}, pas {version}</translation>
    </message>
    <message>
        <source>duplicate id {id}</source>
        <translation>identifiant {id} en double</translation>
    </message>
    <message>
        <source>unknown site {id}</source>
        <translation>site inconnu {id}</translation>
    </message>
    <message>
        <source>second lifecycle for site {id}</source>
        <translation>second cycle de vie pour le site {id}</translation>
    </message>
    <message>
        <source>unknown phase {id}</source>
        <translation>phase inconnue {id}</translation>
    </message>
    <message>
        <source>unknown meeting {id}</source>
        <translation>réunion inconnue {id}</translation>
    </message>
    <message>
        <source>should have at most {max_length} items (sitmon&apos;s limit)</source>
        <translation>doit avoir au plus {max_length} éléments (limite de sitmon)</translation>
    </message>
    <message>
        <source>view_end must be after view_start</source>
        <translation>view_end doit être après view_start</translation>
    </message>
    <message>
        <source>end {end} is before start {start}</source>
        <translation>la fin {end} précède le début {start}</translation>
    </message>
    <message>
        <source>end {end} is before date {date}</source>
        <translation>la fin {end} précède la date {date}</translation>
    </message>
    <message>
        <source>not a valid RRULE ({error})</source>
        <translation>règle RRULE non valide ({error})</translation>
    </message>
    <message>
        <source>should be a date (YYYY-MM-DD)</source>
        <translation>doit être une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>should be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>should be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <source>should be a table of keys and values</source>
        <translation>doit être une table de clés et de valeurs</translation>
    </message>
    <message>
        <source>required, but missing</source>
        <translation>obligatoire, mais absent</translation>
    </message>
    <message>
        <source>unknown key (not part of the scenario format)</source>
        <translation>clé inconnue (absente du format de scénario)</translation>
    </message>
    <message>
        <source>should be a text in quotes</source>
        <translation>doit être un texte entre guillemets</translation>
    </message>
    <message>
        <source>should be a list</source>
        <translation>doit être une liste</translation>
    </message>
    <message>
        <source>FREQ={freq}: a meeting recurs daily at the most</source>
        <translation>FREQ={freq} : une réunion revient au plus chaque jour</translation>
    </message>
    <message>
        <source>more than {limit} occurrences: end the series sooner</source>
        <translation>plus de {limit} occurrences : terminez la série plus tôt</translation>
    </message>
    <message>
        <source>should be one of {expected}</source>
        <translation>doit être l&apos;une des valeurs {expected}</translation>
    </message>
    <message>
        <source>should be a date without a time (YYYY-MM-DD)</source>
        <translation>doit être une date sans heure (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>should be less than or equal to {le}</source>
        <translation>doit être inférieur ou égal à {le}</translation>
    </message>
    <message>
        <source>should be greater than or equal to {ge}</source>
        <translation>doit être supérieur ou égal à {ge}</translation>
    </message>
    <message>
        <source>should be less than {lt}</source>
        <translation>doit être inférieur à {lt}</translation>
    </message>
    <message>
        <source>should be greater than {gt}</source>
        <translation>doit être supérieur à {gt}</translation>
    </message>
    <message>
        <source>should match the pattern {pattern}</source>
        <translation>doit correspondre au motif {pattern}</translation>
    </message>
    <message>
        <source>should have at least {min_length} character(s)</source>
        <translation>doit compter au moins {min_length} caractère(s)</translation>
    </message>
    <message>
        <source>should have at least {min_length} item(s)</source>
        <translation>doit compter au moins {min_length} élément(s)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Search a key or an action</source>
        <translation>Chercher une touche ou une action</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Chercher :</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>SiteCard</name>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>&amp;Record update…</source>
        <translation>&amp;Enregistrer une mise à jour…</translation>
    </message>
    <message>
        <source>Record what happened at this site: a handover, a new date, a role, personnel repatriated</source>
        <translation>Enregistrer ce qui s&apos;est passé sur ce site : une remise, une nouvelle date, un rôle, des personnels rapatriés</translation>
    </message>
    <message>
        <source>Movements in and out:</source>
        <translation>Mouvements au départ et à l&apos;arrivée :</translation>
    </message>
    <message>
        <source>Click a site on the map to see its card.</source>
        <translation>Cliquez sur un site de la carte pour voir sa fiche.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>Depuis :</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Closure window:</source>
        <translation>Fenêtre de fermeture :</translation>
    </message>
    <message>
        <source>Handover planned:</source>
        <translation>Remise prévue :</translation>
    </message>
    <message>
        <source>Handover confirmed:</source>
        <translation>Remise confirmée :</translation>
    </message>
    <message>
        <source>Redeployed to:</source>
        <translation>Redéployé vers :</translation>
    </message>
    <message>
        <source>Incidents within:</source>
        <translation>Incidents à moins de :</translation>
    </message>
    <message>
        <source>{0}, as of {1}</source>
        <translation>{0}, au {1}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>{0}: {1} to {2}</source>
        <translation>{0} : du {1} au {2}</translation>
    </message>
    <message>
        <source>none planned</source>
        <translation>aucune prévue</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>non confirmée</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) up to this date</source>
        <translation>
            <numerusform>%n incident jusqu&apos;à cette date</numerusform>
            <numerusform>%n incidents jusqu&apos;à cette date</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}  {1}, {2} km, {3} killed or injured</source>
        <translation>{0}  {1}, {2} km, {3} tués ou blessés</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>aucun enregistré</translation>
    </message>
</context>
<context>
    <name>SiteController</name>
    <message>
        <source>Record s&amp;ite update…</source>
        <translation>Enregistrer une mise à &amp;jour du site…</translation>
    </message>
    <message>
        <source>Record update for {0}…</source>
        <translation>Enregistrer une mise à jour de {0}…</translation>
    </message>
    <message>
        <source>Show the site card</source>
        <translation>Afficher la fiche du site</translation>
    </message>
    <message>
        <source>Record site update</source>
        <translation>Enregistrer une mise à jour du site</translation>
    </message>
    <message>
        <source>Edit site record</source>
        <translation>Modifier le relevé du site</translation>
    </message>
    <message>
        <source>Delete site record</source>
        <translation>Supprimer le relevé du site</translation>
    </message>
    <message>
        <source>Restore site record</source>
        <translation>Rétablir le relevé du site</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Merged with record</source>
        <translation>Fusionné avec le relevé</translation>
    </message>
    <message>
        <source>Arrived with package</source>
        <translation>Arrivé avec le paquet</translation>
    </message>
</context>
<context>
    <name>SiteHistory</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message numerus="yes">
        <source>Updates recorded (%n)</source>
        <translation>
            <numerusform>Mise à jour enregistrée (%n)</numerusform>
            <numerusform>Mises à jour enregistrées (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No update recorded yet</source>
        <translation>Aucune mise à jour enregistrée</translation>
    </message>
</context>
<context>
    <name>SiteKind</name>
    <message>
        <source>camp</source>
        <translation>camp</translation>
    </message>
    <message>
        <source>temporary operating base</source>
        <translation>base opérationnelle temporaire</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>quartier général</translation>
    </message>
    <message>
        <source>liquidation hub</source>
        <translation>pôle de liquidation</translation>
    </message>
</context>
<context>
    <name>SitePanel</name>
    <message>
        <source>Site status on {0}</source>
        <translation>État des sites au {0}</translation>
    </message>
    <message>
        <source>Closure overdue: {0}</source>
        <translation>Fermeture en retard : {0}</translation>
    </message>
</context>
<context>
    <name>SiteRecord</name>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>unknown site {value!r}: give its id (e.g. goundam) or its name</source>
        <translation>site inconnu {value!r} : donnez son identifiant (par ex. goundam) ou son nom</translation>
    </message>
    <message>
        <source>unknown kind {value!r}: one of {kinds}</source>
        <translation>genre inconnu {value!r} : l&apos;un de {kinds}</translation>
    </message>
    <message>
        <source>not a date: write it as YYYY-MM-DD, e.g. 2023-09-05</source>
        <translation>date non valide : écrivez-la AAAA-MM-JJ, par ex. 2023-09-05</translation>
    </message>
    <message>
        <source>{day} is after today: only a rescheduled handover can be in the future</source>
        <translation>le {day} est après aujourd&apos;hui : seule une remise reportée peut être dans le futur</translation>
    </message>
    <message>
        <source>{site} already has a handover on {day} (record {record}…): edit or delete that record</source>
        <translation>{site} a déjà une remise le {day} (relevé {record}…) : modifiez ou supprimez ce relevé</translation>
    </message>
    <message>
        <source>a whole number from 0 to {high}</source>
        <translation>un nombre entier de 0 à {high}</translation>
    </message>
    <message>
        <source>only a figure of personnel repatriated has one</source>
        <translation>seul un chiffre de personnels rapatriés en a un</translation>
    </message>
    <message>
        <source>unknown category {value!r}: one of {categories}</source>
        <translation>catégorie inconnue {value!r} : l&apos;une de {categories}</translation>
    </message>
    <message>
        <source>lower than the {category} figure of {earlier} on {day}: confirm that it is a correction</source>
        <translation>inférieur au chiffre des {category} de {earlier} au {day} : confirmez qu&apos;il s&apos;agit d&apos;une correction</translation>
    </message>
    <message>
        <source>admiralty code: a letter A-F and a digit 1-6, e.g. B2</source>
        <translation>code de l&apos;Amirauté : une lettre A-F et un chiffre 1-6, par ex. B2</translation>
    </message>
    <message>
        <source>at most {high} characters</source>
        <translation>au plus {high} caractères</translation>
    </message>
    <message>
        <source>Handover confirmed</source>
        <translation>Remise confirmée</translation>
    </message>
    <message>
        <source>Handover rescheduled</source>
        <translation>Remise reportée</translation>
    </message>
    <message>
        <source>Closure started</source>
        <translation>Fermeture commencée</translation>
    </message>
    <message>
        <source>Rear party began</source>
        <translation>Début de l&apos;arrière-garde</translation>
    </message>
    <message>
        <source>Reduced footprint began</source>
        <translation>Début de l&apos;empreinte réduite</translation>
    </message>
    <message>
        <source>Liquidation hub began</source>
        <translation>Début du pôle de liquidation</translation>
    </message>
    <message>
        <source>Returned to the government</source>
        <translation>Restitué au gouvernement</translation>
    </message>
    <message>
        <source>Personnel repatriated</source>
        <translation>Personnels rapatriés</translation>
    </message>
</context>
<context>
    <name>SiteRecords</name>
    <message>
        <source>{0}: {1} {2}</source>
        <translation>{0} : {1} {2}</translation>
    </message>
    <message>
        <source>{0}, recorded {1}</source>
        <translation>{0}, enregistré le {1}</translation>
    </message>
    <message>
        <source>source: {0}</source>
        <translation>source : {0}</translation>
    </message>
    <message>
        <source>Record {0}</source>
        <translation>Relevé {0}</translation>
    </message>
    <message>
        <source>Handover rescheduled to {0}, recorded by {1}</source>
        <translation>Remise reportée au {0}, enregistrée par {1}</translation>
    </message>
    <message>
        <source>Handover confirmed on {0}, recorded by {1}</source>
        <translation>Remise confirmée le {0}, enregistrée par {1}</translation>
    </message>
    <message>
        <source>{0}, source: {1}</source>
        <translation>{0}, source : {1}</translation>
    </message>
    <message>
        <source>replaces the scenario&apos;s {0}</source>
        <translation>remplace le {0} du scénario</translation>
    </message>
</context>
<context>
    <name>SiteStatusModel</name>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>en fermeture</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>remis</translation>
    </message>
    <message>
        <source>closure due</source>
        <translation>fermeture en retard</translation>
    </message>
    <message>
        <source>rear party</source>
        <translation>arrière-garde</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>réduit</translation>
    </message>
    <message>
        <source>liquidation hub</source>
        <translation>pôle de liquidation</translation>
    </message>
    <message>
        <source>Open; closure window {phase} starts {start}</source>
        <translation>Ouvert ; la fenêtre de fermeture {phase} commence le {start}</translation>
    </message>
    <message>
        <source>Open; no closure planned</source>
        <translation>Ouvert ; aucune fermeture prévue</translation>
    </message>
    <message>
        <source>Open; {role} from {start}</source>
        <translation>Ouvert ; {role} à partir du {start}</translation>
    </message>
    <message>
        <source>Open; handover rescheduled to {end}</source>
        <translation>Ouvert ; remise reportée au {end}</translation>
    </message>
    <message>
        <source>Open; closure started {start}</source>
        <translation>Ouvert ; fermeture commencée le {start}</translation>
    </message>
    <message>
        <source>Closure window {phase}, {start} to {end}</source>
        <translation>Fenêtre de fermeture {phase}, du {start} au {end}</translation>
    </message>
    <message>
        <source>Closure started {start}; handover due {end}</source>
        <translation>Fermeture commencée le {start} ; remise attendue le {end}</translation>
    </message>
    <message>
        <source>Closure window {phase} from {start}; handover rescheduled to {end}</source>
        <translation>Fenêtre de fermeture {phase} depuis le {start} ; remise reportée au {end}</translation>
    </message>
    <message>
        <source>Handover confirmed on {date}</source>
        <translation>Remise confirmée le {date}</translation>
    </message>
    <message>
        <source>Returned to the government on {date}</source>
        <translation>Restitué au gouvernement le {date}</translation>
    </message>
    <message>
        <source>Closure window {phase} ended {end}; no confirmed handover</source>
        <translation>Fenêtre de fermeture {phase} terminée le {end} ; aucune remise confirmée</translation>
    </message>
    <message>
        <source>Handover rescheduled to {end} has passed; no confirmed handover</source>
        <translation>La remise reportée au {end} est passée ; aucune remise confirmée</translation>
    </message>
    <message>
        <source>{role} from {start}</source>
        <translation>{role} à partir du {start}</translation>
    </message>
    <message>
        <source>{reason} (plan)</source>
        <translation>{reason} (plan)</translation>
    </message>
    <message>
        <source>{reason} ({source})</source>
        <translation>{reason} ({source})</translation>
    </message>
    <message>
        <source>{reason}, recorded by {author}</source>
        <translation>{reason}, enregistré par {author}</translation>
    </message>
    <message>
        <source>{reason}, recorded by {author}, source: {source}</source>
        <translation>{reason}, enregistré par {author}, source : {source}</translation>
    </message>
    <message>
        <source>{reason}; replaces the scenario&apos;s {date}</source>
        <translation>{reason} ; remplace le {date} du scénario</translation>
    </message>
    <message>
        <source>an unnamed user</source>
        <translation>un utilisateur sans nom</translation>
    </message>
</context>
<context>
    <name>StatusTable</name>
    <message>
        <source>site_id</source>
        <translation>id_site</translation>
    </message>
    <message>
        <source>site</source>
        <translation>site</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <source>since</source>
        <translation>depuis</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motif</translation>
    </message>
    <message>
        <source>planned_handover</source>
        <translation>remise_prevue</translation>
    </message>
    <message>
        <source>confirmed_by</source>
        <translation>confirme_par</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>déficit</translation>
    </message>
    <message>
        <source>funding needed</source>
        <translation>financement nécessaire</translation>
    </message>
    <message>
        <source>done</source>
        <translation>achevé</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Handover</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>Attaque</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Jalon</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phases</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Mouvements</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Regional context</source>
        <translation>Contexte régional</translation>
    </message>
    <message>
        <source>Closure window ({0}): {1} – {2}</source>
        <translation>Fenêtre de fermeture ({0}) : {1} – {2}</translation>
    </message>
    <message>
        <source>Planned handover: {0}</source>
        <translation>Remise prévue : {0}</translation>
    </message>
    <message>
        <source>{0} days early</source>
        <translation>{0} jours d&apos;avance</translation>
    </message>
    <message>
        <source>{0} days late</source>
        <translation>{0} jours de retard</translation>
    </message>
    <message>
        <source>Handover confirmed: {0}</source>
        <translation>Remise confirmée : {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Due {0}&lt;/b&gt;: {1}</source>
        <translation>&lt;b&gt;Échéance le {0}&lt;/b&gt; : {1}</translation>
    </message>
    <message>
        <source>1 day every 0.5 s</source>
        <translation>1 jour toutes les 0,5 s</translation>
    </message>
    <message>
        <source>1 day every 0.1 s</source>
        <translation>1 jour toutes les 0,1 s</translation>
    </message>
    <message>
        <source>1 week every 0.5 s</source>
        <translation>1 semaine toutes les 0,5 s</translation>
    </message>
    <message>
        <source>1 week every 0.1 s</source>
        <translation>1 semaine toutes les 0,1 s</translation>
    </message>
    <message>
        <source>Current date</source>
        <translation>Date courante</translation>
    </message>
    <message>
        <source>Play the drawdown (pause to stop)</source>
        <translation>Dérouler le retrait (pause pour arrêter)</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Boucle</translation>
    </message>
    <message>
        <source>Start again at the end</source>
        <translation>Recommencer à la fin</translation>
    </message>
    <message>
        <source>planned handover</source>
        <translation>remise prévue</translation>
    </message>
    <message>
        <source>early</source>
        <translation>en avance</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>à l&apos;heure</translation>
    </message>
    <message>
        <source>late</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>relevée</translation>
    </message>
    <message>
        <source>new date</source>
        <translation>nouvelle date</translation>
    </message>
    <message>
        <source>closure overdue</source>
        <translation>fermeture en retard</translation>
    </message>
    <message>
        <source>★ recorded: a handover recorded in the field (the source document&apos;s are diamonds). ▨ new date: the window drawn on to a handover rescheduled by a record.</source>
        <translation>★ relevée : une remise enregistrée sur le terrain (celles du document source sont des losanges). ▨ nouvelle date : la fenêtre prolongée jusqu&apos;à une remise reportée par un relevé.</translation>
    </message>
    <message>
        <source>Fit drawdown</source>
        <translation>Voir le retrait</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>Tout voir</translation>
    </message>
    <message>
        <source>Scroll to the other rows</source>
        <translation>Faire défiler vers les autres lignes</translation>
    </message>
    <message>
        <source>One day earlier, one day later</source>
        <translation>Un jour plus tôt, un jour plus tard</translation>
    </message>
    <message>
        <source>One week earlier, one week later</source>
        <translation>Une semaine plus tôt, une semaine plus tard</translation>
    </message>
    <message>
        <source>One month earlier, one month later</source>
        <translation>Un mois plus tôt, un mois plus tard</translation>
    </message>
    <message>
        <source>First day, last day of the drawdown</source>
        <translation>Premier jour, dernier jour du retrait</translation>
    </message>
    <message>
        <source>Closure due: window ended {0}, no confirmed handover by {1}</source>
        <translation>Fermeture en retard : fenêtre terminée le {0}, aucune remise confirmée au {1}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
</context>
<context>
    <name>_Column</name>
    <message>
        <source>Route {0}: none yet</source>
        <translation>Itinéraire {0} : aucun pour l&apos;instant</translation>
    </message>
    <message>
        <source>Pick sites in order, a movement, positions on the map or a line of a map layer.</source>
        <translation>Choisissez des sites dans l&apos;ordre, un mouvement, des positions sur la carte ou une ligne d&apos;une couche.</translation>
    </message>
</context>
<context>
    <name>_IncidentModel</name>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>km off</source>
        <translation>km d&apos;écart</translation>
    </message>
    <message>
        <source>Killed / injured</source>
        <translation>Tués / blessés</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>utilisation : </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher ce message d&apos;aide et quitter</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s : %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus : %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>les arguments suivants sont obligatoires : %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>l&apos;un des arguments %s est obligatoire</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>non autorisé avec l&apos;argument %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>argument explicite ignoré : %r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>au plus un argument attendu</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>au moins un argument attendu</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>%s argument attendu</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>%s arguments attendus</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë : %(option)s peut correspondre à %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>option inattendue : %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s non valide : %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix non valide : %(value)r (choisissez parmi %(choices)s)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>impossible d&apos;ouvrir « %(filename)s » : %(error)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>commande inconnue %(parser_name)r (choix : %(choices)s)</translation>
    </message>
</context>
<context>
    <name>db</name>
    <message>
        <source>{source} was not restored: {reason}</source>
        <translation>{source} n&apos;a pas été restauré : {reason}</translation>
    </message>
    <message>
        <source>{source} is the database itself, not a backup.</source>
        <translation>{source} est la base de données elle-même, pas une sauvegarde.</translation>
    </message>
    <message>
        <source>{source} holds no sitmon data.</source>
        <translation>{source} ne contient aucune donnée sitmon.</translation>
    </message>
    <message>
        <source>{url} is a PostgreSQL database: back it up with the server&apos;s own tool, e.g. {command}</source>
        <translation>{url} est une base PostgreSQL : sauvegardez-la avec l&apos;outil du serveur, par exemple {command}</translation>
    </message>
    <message>
        <source>{url} is a PostgreSQL database: restore it with the server&apos;s own tool from a pg_dump file, e.g. {command}</source>
        <translation>{url} est une base PostgreSQL : restaurez-la avec l&apos;outil du serveur à partir d&apos;un fichier pg_dump, par exemple {command}</translation>
    </message>
    <message>
        <source>{path} is in use by another sitmon: close it first. Nothing was changed.</source>
        <translation>{path} est utilisé par un autre sitmon : fermez-le d&apos;abord. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup of {path} could not be written: {reason}</source>
        <translation>La sauvegarde de {path} n&apos;a pas pu être écrite : {reason}</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. The change was not saved and the database is as it was before it. Free some space and try again.</source>
        <translation>Le disque qui contient {path} est plein. La modification n&apos;a pas été enregistrée et la base de données est restée comme avant. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <source>{path} is open read-only: changes cannot be saved.</source>
        <translation>{path} est ouvert en lecture seule : les modifications ne peuvent pas être enregistrées.</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}). Restore a backup (File &gt; Restore from backup, or &apos;sitmon restore&apos;).</source>
        <translation>{path} est endommagé ({problem}). Restaurez une sauvegarde (Fichier &gt; Restaurer une sauvegarde, ou « sitmon restore »).</translation>
    </message>
    <message>
        <source>{path} is encrypted (or is not an SQLite file): give its passphrase to open it.</source>
        <translation>{path} est chiffré (ou n&apos;est pas un fichier SQLite) : donnez sa phrase secrète pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>The passphrase does not open {path}. It was left unchanged.</source>
        <translation>La phrase secrète n&apos;ouvre pas {path}. Il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>{path} is not encrypted, but a passphrase was given. Open it without a passphrase. It was left unchanged.</source>
        <translation>{path} n&apos;est pas chiffré, mais une phrase secrète a été donnée. Ouvrez-le sans phrase secrète. Il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>Encrypted databases need the sqlcipher3-binary package, which is not installed.</source>
        <translation>Les bases de données chiffrées nécessitent le paquet sqlcipher3-binary, qui n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>{path} cannot be created: {reason}.</source>
        <translation>{path} ne peut pas être créé : {reason}.</translation>
    </message>
    <message>
        <source>{path} needs an upgrade to this version of sitmon but is read-only. Open it from a folder you can write to.</source>
        <translation>{path} doit être mis à niveau pour cette version de sitmon mais est en lecture seule. Ouvrez-le depuis un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>{path} is not a sitmon database: it is not an SQLite file. It was left unchanged.</source>
        <translation>{path} n&apos;est pas une base de données sitmon : ce n&apos;est pas un fichier SQLite. Il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {reason}. It was left unchanged.</source>
        <translation>{path} ne peut pas être ouvert : {reason}. Il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another program, not a sitmon database. It was left unchanged.</source>
        <translation>{path} est une base de données SQLite d&apos;un autre programme, pas une base sitmon. Il n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>{path} is being changed by another sitmon (an import, a merge or a restore may take a while): nothing was changed here. Try again when it has finished.</source>
        <translation>{path} est en cours de modification par un autre sitmon (une importation, une fusion ou une restauration peut prendre du temps) : rien n&apos;a été modifié ici. Réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <source>{path} holds the {kind} {name}, which sitmon did not make (it could change or wipe data when it runs). It was left unchanged.</source>
        <translation>{path} contient l&apos;objet {kind} {name}, que sitmon n&apos;a pas créé (il pourrait modifier ou effacer des données en s&apos;exécutant). Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of sitmon (schema {revision}; this version reads up to {head}). Update sitmon to open it. The file was left unchanged.</source>
        <translation>{path} a été écrit par une version plus récente de sitmon (schéma {revision} ; cette version lit jusqu&apos;au schéma {head}). Mettez sitmon à jour pour l&apos;ouvrir. Le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>{path} was changed by another sitmon while {file} was being checked: nothing was imported. Import the file again.</source>
        <translation>{path} a été modifiée par un autre sitmon pendant la vérification de {file} : rien n&apos;a été importé. Importez le fichier à nouveau.</translation>
    </message>
    <message>
        <source>{path} is not a sitmon data package ({reason}). Nothing was imported.</source>
        <translation>{path} n&apos;est pas un paquet de données sitmon ({reason}). Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of sitmon (package version {version}). Update sitmon to import it. Nothing was imported.</source>
        <translation>{path} a été écrit par une version plus récente de sitmon (paquet version {version}). Mettez sitmon à jour pour l&apos;importer. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} is not signed (it comes from an older sitmon, version {version}): ask for a new export from an up-to-date sitmon. Nothing was imported.</source>
        <translation>{path} n&apos;est pas signé (il vient d&apos;un sitmon plus ancien, version {version}) : demandez un nouvel export depuis un sitmon à jour. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} was altered after it was signed ({reason}). Nothing was imported.</source>
        <translation>{path} a été modifié après sa signature ({reason}). Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} is refused: {problem}. Nothing was imported.</source>
        <translation>{path} est refusé : {problem}. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} holds mission {theirs}; this database holds {mine}. Nothing was imported.</source>
        <translation>{path} contient la mission {theirs} ; cette base contient {mine}. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} holds site records, but this database holds no scenario to check them against: load the mission&apos;s scenario first. Nothing was imported.</source>
        <translation>{path} contient des relevés de site, mais cette base ne contient aucun scénario pour les vérifier : chargez d&apos;abord le scénario de la mission. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} cannot be merged: {reason}. Nothing was imported.</source>
        <translation>{path} ne peut pas être fusionné : {reason}. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>This laptop has no signing key to sign a package with ({reason}).</source>
        <translation>Ce portable n&apos;a pas de clé pour signer un paquet ({reason}).</translation>
    </message>
    <message>
        <source>{path} is an encrypted package: give its passphrase. Nothing was imported.</source>
        <translation>{path} est un paquet chiffré : donnez sa phrase secrète. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} cannot be opened with this passphrase (or it was altered). Nothing was imported.</source>
        <translation>{path} ne s&apos;ouvre pas avec cette phrase secrète (ou il a été modifié). Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} is an encrypted package that is damaged: {reason}. Nothing was imported.</source>
        <translation>{path} est un paquet chiffré endommagé : {reason}. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} claims to come from this laptop ({laptop}): refused. Nothing was imported.</source>
        <translation>{path} prétend venir de ce portable ({laptop}) : refusé. Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} is signed by key {key} but laptop {laptop} signed with key {known} since {since}: refused. If that laptop was reinstalled, forget its old key (sitmon laptops forget {laptop}). Nothing was imported.</source>
        <translation>{path} est signé par la clé {key}, mais le portable {laptop} signe avec la clé {known} depuis le {since} : refusé. Si ce portable a été réinstallé, oubliez son ancienne clé (sitmon laptops forget {laptop}). Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{path} is the database itself, one of its journal files, its signing key or one of its backups: choose another file. Nothing was written.</source>
        <translation>{path} est la base elle-même, un de ses journaux, sa clé de signature ou une de ses sauvegardes : choisissez un autre fichier. Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The laptop&apos;s signing key {path} cannot be read ({reason}). Packages cannot be signed until it is restored from where you keep it, or moved away (a new key is then made; other laptops will refuse it until they forget the old one).</source>
        <translation>La clé de signature du portable {path} est illisible ({reason}). Aucun paquet ne peut être signé tant qu&apos;elle n&apos;est pas restaurée depuis l&apos;endroit où vous la gardez, ou déplacée (une nouvelle clé est alors créée ; les autres portables la refuseront tant qu&apos;ils n&apos;auront pas oublié l&apos;ancienne).</translation>
    </message>
    <message>
        <source>{path} does not exist. Nothing was ingested.</source>
        <translation>{path} n&apos;existe pas. Rien n&apos;a été intégré.</translation>
    </message>
    <message>
        <source>{path} holds no .zip package. Nothing was ingested.</source>
        <translation>{path} ne contient aucun paquet .zip. Rien n&apos;a été intégré.</translation>
    </message>
    <message>
        <source>{url}: a password in the address is refused (it would be kept in shell histories and settings). Put it in ~/.pgpass or a service file (postgresql:///?service=NAME), as libpq documents.</source>
        <translation>{url} : un mot de passe dans l&apos;adresse est refusé (il resterait dans l&apos;historique du terminal et les réglages). Mettez-le dans ~/.pgpass ou dans un fichier de service (postgresql:///?service=NOM), comme le décrit libpq.</translation>
    </message>
    <message>
        <source>{url} is not a PostgreSQL address (postgresql://HOST[:PORT]/DATABASE or postgresql:///?service=NAME).</source>
        <translation>{url} n&apos;est pas une adresse PostgreSQL (postgresql://HÔTE[:PORT]/BASE ou postgresql:///?service=NOM).</translation>
    </message>
    <message>
        <source>{url} cannot be reached: {reason}</source>
        <translation>{url} est injoignable : {reason}</translation>
    </message>
    <message>
        <source>{url} asks for a password: put it in ~/.pgpass or in the service file, never on the command line.</source>
        <translation>{url} demande un mot de passe : mettez-le dans ~/.pgpass ou dans le fichier de service, jamais sur la ligne de commande.</translation>
    </message>
    <message>
        <source>PostgreSQL needs the psycopg package, which is not installed.</source>
        <translation>PostgreSQL demande le paquet psycopg, qui n&apos;est pas installé.</translation>
    </message>
    <message>
        <source>{url} holds the table {name} of another program, not a sitmon database. It was left unchanged.</source>
        <translation>{url} contient la table {name} d&apos;un autre programme, ce n&apos;est pas une base sitmon. Elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>{url} lacks the extension {name}, and this role may not create it. Ask the server&apos;s administrator to run CREATE EXTENSION {name}; in that database. Nothing was changed.</source>
        <translation>{url} n&apos;a pas l&apos;extension {name}, et ce rôle ne peut pas la créer. Demandez à l&apos;administrateur du serveur d&apos;exécuter CREATE EXTENSION {name}; dans cette base. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>There is no import number {id}.</source>
        <translation>Il n&apos;y a pas d&apos;importation numéro {id}.</translation>
    </message>
    <message>
        <source>No import is left to undo.</source>
        <translation>Il ne reste aucune importation à annuler.</translation>
    </message>
    <message>
        <source>The import of {file} (number {id}) was undone already.</source>
        <translation>L&apos;importation de {file} (numéro {id}) a déjà été annulée.</translation>
    </message>
    <message>
        <source>The import of {file} (number {id}) is not undone: there is nothing to redo.</source>
        <translation>L&apos;importation de {file} (numéro {id}) n&apos;est pas annulée : il n&apos;y a rien à rétablir.</translation>
    </message>
</context>
<context>
    <name>gui</name>
    <message>
        <source>sitmon cannot open the database</source>
        <translation>sitmon ne peut pas ouvrir la base de données</translation>
    </message>
</context>
</TS>
