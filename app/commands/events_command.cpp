#include "cli_support.h"
#include "commands/commands.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace wake::app {

namespace {

QString isoUtc(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
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
    const QString usage = QStringLiteral("wake events [--vessel ID] [--json] [--db PATH]");
    if (auto exit = parseOrExit(parser, arguments, usage)) {
        return *exit;
    }
    store::EventFilter filter;
    if (parser.isSet(QStringLiteral("vessel"))) {
        bool ok = false;
        const qint64 id = parser.value(QStringLiteral("vessel")).toLongLong(&ok);
        if (!ok || id <= 0) {
            printError(
                QStringLiteral("--vessel needs a vessel id (a positive whole number), not \"%1\"")
                    .arg(parser.value(QStringLiteral("vessel"))));
            return kExitUsage;
        }
        filter.vesselId = id;
    }
    auto db = openDatabase(parser);
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
    auto events = db->events(filter);
    if (reportedFailure(events)) {
        return kExitFailure;
    }

    if (parser.isSet(QStringLiteral("json"))) {
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
            out.append(QJsonObject{
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
            });
        }
        printJson(out);
        return kExitOk;
    }
    std::vector<QStringList> rows;
    for (const auto& e : *events) {
        QStringList ids;
        for (const auto& id : e.attribution.sourceIds) {
            ids << id;
        }
        rows.push_back({QString::number(e.id), model::formatTimeSpan(e.time),
                        model::displayName(e.kind), model::toString(e.attribution.confidence),
                        ids.join(QLatin1Char(',')), e.title});
    }
    printTable({QStringLiteral("ID"), QStringLiteral("DATE (as reported)"), QStringLiteral("KIND"),
                QStringLiteral("CONFIDENCE"), QStringLiteral("SOURCES"), QStringLiteral("TITLE")},
               rows);
    return kExitOk;
}

} // namespace wake::app
