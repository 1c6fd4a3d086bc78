<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Briefing</name>
    <message>
        <source>Briefing pack, situation on {0}</source>
        <translation>Dossier de briefing, situation au {0}</translation>
    </message>
    <message>
        <source>Wrote {0}: {1} pages, the situation on {2}</source>
        <translation>{0} écrit : {1} pages, la situation au {2}</translation>
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
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>&amp;Briefing pack…</source>
        <translation>Dossier de &amp;briefing…</translation>
    </message>
    <message>
        <source>Export map &amp;image…</source>
        <translation>Exporter l&apos;&amp;image de la carte…</translation>
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
    <message>
        <source>reported</source>
        <translation>signalé</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>clos</translation>
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
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>Mode &amp;présentation</translation>
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
        <source>Closure window {phase}, {start} to {end}</source>
        <translation>Fenêtre de fermeture {phase}, du {start} au {end}</translation>
    </message>
    <message>
        <source>Handover confirmed on {date}</source>
        <translation>Remise confirmée le {date}</translation>
    </message>
    <message>
        <source>Closure window {phase} ended {end}; no confirmed handover</source>
        <translation>Fenêtre de fermeture {phase} terminée le {end} ; aucune remise confirmée</translation>
    </message>
    <message>
        <source>{role} from {start}</source>
        <translation>{role} à partir du {start}</translation>
    </message>
</context>
</TS>
