// OpenSanctions' FollowTheMoney entities: one JSON object per line (their
// bulk "entities.ftm.json") or one array of them. Only schema Vessel is read;
// every property is a list of strings. The list's date is the latest
// "last_seen" of its entities (when OpenSanctions last saw them listed), else
// the latest "last_change".

#include "core/lists/list_formats.h"
#include "core/lists/list_text.h"
#include "core/reference/flag_states.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wake::lists::detail {

namespace {

QStringList strings(const QJsonObject& properties, const char* key)
{
    QStringList out;
    for (const QJsonValue& v : properties.value(QLatin1String(key)).toArray()) {
        if (v.isString() && !v.toString().trimmed().isEmpty()) {
            out << v.toString().trimmed();
        }
    }
    return out;
}

std::optional<QDate> dateOf(const QJsonObject& entity, const char* key)
{
    const QDate d =
        QDate::fromString(entity.value(QLatin1String(key)).toString().left(10), Qt::ISODate);
    return d.isValid() ? std::optional(d) : std::nullopt;
}

struct Latest
{
    std::optional<QDate> seen;
    std::optional<QDate> changed;
    void note(const QJsonObject& entity)
    {
        for (auto [key, latest] :
             {std::pair{"last_seen", &seen}, std::pair{"last_change", &changed}}) {
            if (const auto d = dateOf(entity, key); d && (!*latest || *d > **latest)) {
                *latest = d;
            }
        }
    }
};

void readEntity(const QJsonObject& entity, std::int64_t where, const reference::FlagStates& flags,
                ListReadReport& report, FormatRead& out, Latest& latest)
{
    ++report.records;
    if (entity.value(QLatin1String("schema")).toString() != QLatin1String("Vessel")) {
        ++report.notShips;
        return;
    }
    const QJsonObject p = entity.value(QLatin1String("properties")).toObject();
    ListEntry e;
    e.entryId = entity.value(QLatin1String("id")).toString();
    QStringList names = strings(p, "name");
    if (e.entryId.isEmpty() || names.isEmpty()) {
        report.skip(where, QStringLiteral("a vessel without id or name"));
        return;
    }
    latest.note(entity);
    e.name = names.takeFirst();
    e.aliases = names + strings(p, "alias");
    e.formerNames = strings(p, "previousName");
    for (const QString& imo : strings(p, "imoNumber")) {
        if ((e.imo = parseImo(imo))) {
            break;
        }
    }
    for (const QString& mmsi : strings(p, "mmsi")) {
        if ((e.mmsi = parseMmsi(mmsi))) {
            break;
        }
    }
    e.callSign = strings(p, "callSign").value(0);
    e.flagText = strings(p, "flag").value(0);
    e.flagAlpha2 = flags.alpha2ForCountry(e.flagText);
    QStringList programs = strings(p, "programId");
    if (programs.isEmpty()) {
        for (const QJsonValue& d : entity.value(QLatin1String("datasets")).toArray()) {
            programs << d.toString();
        }
    }
    e.program = programs.join(QStringLiteral("; "));
    e.note = strings(p, "type").value(0);
    out.entries.push_back(std::move(e));
}

} // namespace

FormatRead readOpenSanctionsJson(const QByteArray& data, const reference::FlagStates& flags,
                                 ListReadReport& report)
{
    FormatRead out;
    Latest latest;
    if (data.trimmed().startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError) {
            out.error = QStringLiteral("JSON error at byte %1: %2")
                            .arg(error.offset)
                            .arg(error.errorString());
            return out;
        }
        std::int64_t n = 0;
        for (const QJsonValue& v : doc.array()) {
            readEntity(v.toObject(), ++n, flags, report, out, latest);
        }
    } else {
        std::int64_t line = 0;
        for (const QByteArray& text : data.split('\n')) {
            ++line;
            if (text.trimmed().isEmpty()) {
                continue;
            }
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                ++report.records;
                report.skip(line,
                            QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
                continue;
            }
            readEntity(doc.object(), line, flags, report, out, latest);
        }
    }
    out.published = latest.seen ? latest.seen : latest.changed;
    return out;
}

} // namespace wake::lists::detail
