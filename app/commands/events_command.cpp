#include "app/cli_support.h"
#include "app/commands/commands.h"
#include "core/investigate/case_file.h"
#include "core/investigate/fleet_query.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace wake::app {

namespace {

QString isoUtc(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// The end of an event that has one at a time of day (a gap, an encounter, a
// port visit); a reported span of dates shows whole in its date column.
QString endText(const model::TimeSpan& span)
{
    if (span.isInstant() || span.precision == model::TimePrecision::Year ||
        span.precision == model::TimePrecision::Month ||
        span.precision == model::TimePrecision::Day) {
        return QStringLiteral("-");
    }
    model::TimeSpan end = span;
    end.startUtcMs = span.endUtcMs;
    return model::formatTimeSpan(end);
}

} // namespace

int runEventsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List events (departures, arrivals, AIS gaps, the seizure ...) with their "
                       "sources. Times are as reported: a date means the hour is not known."));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("vessel"), QStringLiteral("Only events of this vessel id."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("kind"),
                      QStringLiteral("Only events of this kind (port_visit, ais_gap, encounter, "
                                     "loitering, position_jump, identity_change, seizure, ...)."),
                      QStringLiteral("K")});
    parser.addOption({QStringLiteral("from"),
                      QStringLiteral("Only events that end at or after this UTC time."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Only events that start at or before this UTC time."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("area"),
                      QStringLiteral("Only events whose position is inside: LAT1,LON1,LAT2,LON2 "
                                     "(two corners), a .geojson or .kml file with a polygon, or "
                                     "the name of a stored area (wake areas)."),
                      QStringLiteral("AREA")});
    parser.addOption({QStringLiteral("flag"),
                      QStringLiteral("Only events of a ship under this flag (ISO code, e.g. PA; "
                                     "for an encounter, either ship)."),
                      QStringLiteral("CC")});
    parser.addOption({QStringLiteral("type"),
                      QStringLiteral("Only events of a ship of this AIS type (70), or class (7: "
                                     "every cargo type 70-79); for an encounter, either ship."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("listed"),
                      QStringLiteral("Only events of a ship on a sanctions or watch list (for "
                                     "an encounter, either ship: meetings with a listed ship).")});
    const QString usage = QStringLiteral(
        "wake events [--vessel ID] [--kind K] [--from T] [--to T] [--area AREA] [--flag CC] "
        "[--type N] [--listed] [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    investigate::FleetFilter fleet;
    if (parser.isSet(QStringLiteral("flag"))) {
        const QString flag = parser.value(QStringLiteral("flag")).trimmed().toUpper();
        if (flag.size() != 2 || !flag[0].isLetter() || !flag[1].isLetter()) {
            printError(QStringLiteral("--flag wants a two-letter ISO country code (PA, LR, KP), "
                                      "not \"%1\"")
                           .arg(parser.value(QStringLiteral("flag"))));
            return kExitUsage;
        }
        fleet.flag = flag;
    }
    if (parser.isSet(QStringLiteral("type"))) {
        bool ok = false;
        const int type = parser.value(QStringLiteral("type")).toInt(&ok);
        if (!ok || type < 1 || type > 99) {
            printError(QStringLiteral("--type wants an AIS ship type 10-99 or a class 1-9, not "
                                      "\"%1\"")
                           .arg(parser.value(QStringLiteral("type"))));
            return kExitUsage;
        }
        fleet.shipType = type;
    }
    if (parser.isSet(QStringLiteral("listed"))) {
        fleet.listed = true;
    }
    store::EventFilter filter;
    if (parser.isSet(QStringLiteral("kind"))) {
        filter.kind = model::eventKindFromString(parser.value(QStringLiteral("kind")));
        if (!filter.kind) {
            printError(QStringLiteral("unknown event kind \"%1\" (for example port_visit, ais_gap, "
                                      "encounter, loitering, position_jump, identity_change)")
                           .arg(parser.value(QStringLiteral("kind"))));
            return kExitUsage;
        }
    }
    if (!parseTimeWindow(parser, filter.fromUtcMs, filter.toUtcMs)) {
        return kExitUsage;
    }
    if (!parseVesselOption(parser, filter.vesselId)) {
        return kExitUsage;
    }
    auto db = openDatabaseToRead(parser);
    if (reportedFailure(db)) {
        return kExitFailure;
    }
    if (filter.vesselId) {
        auto v = db->vessel(*filter.vesselId);
        if (!v) {
            printError(v.error().toString());
            return kExitFailure;
        }
        if (!v->has_value()) {
            printError(
                QStringLiteral("no vessel with id %1 (see 'wake vessels')").arg(*filter.vesselId));
            return kExitFailure;
        }
    }
    if (auto exit = readAreaOption(*db, parser, fleet.area)) {
        return *exit;
    }
    auto events = db->events(filter);
    if (reportedFailure(events)) {
        return kExitFailure;
    }
    if (fleet.area || fleet.needsVessels() || fleet.listed) {
        auto facts = investigate::loadFleetFacts(*db, fleet.listed.has_value());
        if (reportedFailure(facts)) {
            return kExitFailure;
        }
        *events = investigate::filterEvents(std::move(*events), fleet, *facts);
    }

    if (parser.isSet(QStringLiteral("json"))) {
        auto reviews = db->eventReviews();
        if (reportedFailure(reviews)) {
            return kExitFailure;
        }
        std::map<QString, investigate::EventReview> reviewByKey;
        for (auto& r : *reviews) {
            reviewByKey.emplace(r.eventKey, std::move(r));
        }
        std::map<std::int64_t, QJsonObject> rulesById; // each stored rule set read once
        QJsonArray out;
        for (const auto& e : *events) {
            auto sources = db->sources(e.attribution.sourceIds);
            if (reportedFailure(sources)) {
                return kExitFailure;
            }
            QJsonArray sourceArray;
            for (const auto& s : *sources) {
                sourceArray.append(QJsonObject{{QStringLiteral("id"), s.id},
                                               {QStringLiteral("title"), s.title},
                                               {QStringLiteral("url"), s.url}});
            }
            QJsonObject position;
            if (e.position) {
                position = {{QStringLiteral("lat"), e.position->latDeg},
                            {QStringLiteral("lon"), e.position->lonDeg},
                            {QStringLiteral("basis"), model::toString(e.coordBasis)}};
            }
            QJsonObject object{
                {QStringLiteral("id"), static_cast<double>(e.id)},
                {QStringLiteral("vesselId"),
                 e.vesselId ? QJsonValue(static_cast<double>(*e.vesselId)) : QJsonValue()},
                {QStringLiteral("kind"), model::toString(e.kind)},
                {QStringLiteral("reportedTime"), e.reportedTime},
                {QStringLiteral("time"),
                 QJsonObject{{QStringLiteral("start"), isoUtc(e.time.startUtcMs)},
                             {QStringLiteral("end"), isoUtc(e.time.endUtcMs)},
                             {QStringLiteral("precision"), model::toString(e.time.precision)},
                             {QStringLiteral("display"), model::formatTimeSpan(e.time)}}},
                {QStringLiteral("title"), e.title},
                {QStringLiteral("place"), e.place},
                {QStringLiteral("position"), e.position ? QJsonValue(position) : QJsonValue()},
                {QStringLiteral("description"), e.description},
                {QStringLiteral("category"), e.category},
                {QStringLiteral("shipEvent"), e.shipEvent},
                {QStringLiteral("confidence"), model::toString(e.attribution.confidence)},
                {QStringLiteral("sources"), sourceArray},
                {QStringLiteral("origin"), e.origin},
            };
            const QString key = investigate::eventKey(e);
            const auto review = reviewByKey.find(key);
            object.insert(QStringLiteral("key"), key);
            object.insert(
                QStringLiteral("review"),
                review == reviewByKey.end()
                    ? QJsonObject{{QStringLiteral("state"), QStringLiteral("unreviewed")}}
                    : QJsonObject{
                          {QStringLiteral("state"), investigate::toString(review->second.state)},
                          {QStringLiteral("by"), review->second.author},
                          {QStringLiteral("at"), isoUtc(review->second.atUtcMs)}});
            if (e.otherVesselId) {
                object.insert(QStringLiteral("otherVesselId"),
                              static_cast<double>(*e.otherVesselId));
            }
            if (!e.evidence.isEmpty()) {
                const QJsonObject evidence = QJsonDocument::fromJson(e.evidence.toUtf8()).object();
                object.insert(QStringLiteral("evidence"), evidence);
                if (e.kind == model::EventKind::PortVisit) {
                    object.insert(QStringLiteral("port"),
                                  evidence.value(QStringLiteral("port")).toObject());
                }
            }
            if (e.rulesId) {
                auto it = rulesById.find(*e.rulesId);
                if (it == rulesById.end()) {
                    auto text = db->analysisRules(*e.rulesId);
                    if (reportedFailure(text)) {
                        return kExitFailure;
                    }
                    it = rulesById
                             .emplace(*e.rulesId,
                                      QJsonDocument::fromJson(text->value_or(QString()).toUtf8())
                                          .object())
                             .first;
                }
                object.insert(QStringLiteral("rules"), it->second);
            }
            out.append(object);
        }
        printJson(out);
        return kExitOk;
    }
    auto names = vesselNamesById(*db);
    if (reportedFailure(names)) {
        return kExitFailure;
    }
    std::vector<QStringList> rows;
    for (const auto& e : *events) {
        QStringList ids;
        for (const auto& id : e.attribution.sourceIds) {
            ids << id;
        }
        const auto vessel = e.vesselId ? names->find(*e.vesselId) : names->end();
        rows.push_back({QString::number(e.id),
                        vessel != names->end() ? vessel->second : QStringLiteral("-"),
                        model::formatTimeSpan(e.time), endText(e.time), model::displayName(e.kind),
                        model::toString(e.attribution.confidence),
                        orDash(ids.join(QLatin1Char(','))), e.title});
    }
    printTable({QStringLiteral("ID"), QStringLiteral("VESSEL"),
                QStringLiteral("DATE (as reported)"), QStringLiteral("END"), QStringLiteral("KIND"),
                QStringLiteral("CONFIDENCE"), QStringLiteral("SOURCES"), QStringLiteral("TITLE")},
               rows);
    return kExitOk;
}

} // namespace wake::app
