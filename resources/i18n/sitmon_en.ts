<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name></name>
    <message numerus="yes">
        <source>Wrote %n row(s) to {0}</source>
        <translation>
            <numerusform>Wrote %n row to {0}</numerusform>
            <numerusform>Wrote %n rows to {0}</numerusform>
        </translation>
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
            <numerusform>%n audit row</numerusform>
            <numerusform>%n audit rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictQueueController</name>
    <message numerus="yes">
        <source>Conflicts waiting: %n</source>
        <translation>
            <numerusform>Conflicts waiting: %n</numerusform>
            <numerusform>Conflicts waiting: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) settled.</source>
        <translation>
            <numerusform>%n conflict settled.</numerusform>
            <numerusform>%n conflicts settled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message numerus="yes">
        <source>%n incident(s) created</source>
        <translation>
            <numerusform>%n incident created</numerusform>
            <numerusform>%n incidents created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to {0}</source>
        <translation>
            <numerusform>Wrote %n row to {0}</numerusform>
            <numerusform>Wrote %n rows to {0}</numerusform>
        </translation>
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
            <numerusform>%n audit row</numerusform>
            <numerusform>%n audit rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) added</source>
        <translation>
            <numerusform>%n incident added</numerusform>
            <numerusform>%n incidents added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message numerus="yes">
        <source>Import the %n good rows</source>
        <translation>
            <numerusform>Import the good row</numerusform>
            <numerusform>Import the %n good rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentSummary</name>
    <message numerus="yes">
        <source>%n incident(s) in the current filter</source>
        <translation>
            <numerusform>%n incident in the current filter</numerusform>
            <numerusform>%n incidents in the current filter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IncidentTable</name>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteController</name>
    <message numerus="yes">
        <source>Incidents recorded near this route: %n ({0} days to {1}, within {2} km).</source>
        <translation>
            <numerusform>Incidents recorded near this route: %n ({0} days to {1}, within {2} km).</numerusform>
            <numerusform>Incidents recorded near this route: %n ({0} days to {1}, within {2} km).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteCard</name>
    <message numerus="yes">
        <source>%n incident(s) up to this date</source>
        <translation>
            <numerusform>%n incident up to this date</numerusform>
            <numerusform>%n incidents up to this date</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteHistory</name>
    <message numerus="yes">
        <source>Updates recorded (%n)</source>
        <translation>
            <numerusform>Update recorded (%n)</numerusform>
            <numerusform>Updates recorded (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
