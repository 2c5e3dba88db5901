#include "core/investigate/profile_text.h"

#include "core/export/track_export.h"
#include "core/util/number_text.h"

#include <QJsonArray>

namespace wake::investigate {

namespace {

QString plural(std::int64_t n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(util::countText(n),
                                       QString::fromLatin1(n == 1 ? one : many));
}

} // namespace

QString durationWords(std::int64_t ms)
{
    const double hours = static_cast<double>(ms) / 3.6e6;
    if (hours < 48) {
        return util::decimalText(hours, 1) + QStringLiteral(" h");
    }
    return util::decimalText(hours / 24, 1) + QStringLiteral(" days");
}

std::vector<std::pair<QString, QString>> profileLines(const VesselProfile& p)
{
    std::vector<std::pair<QString, QString>> lines;
    QString calls = plural(static_cast<std::int64_t>(p.calls.size()), "port call", "port calls");
    if (!p.callCountries.isEmpty()) {
        calls += QStringLiteral(" in %1 (%2)")
                     .arg(plural(p.callCountries.size(), "country", "countries"),
                          p.callCountries.join(QStringLiteral(", ")));
    }
    if (p.possibleCalls > 0) {
        calls += QStringLiteral("; %1 possible during AIS gaps (not counted)")
                     .arg(util::countText(p.possibleCalls));
    }
    lines.emplace_back(QStringLiteral("Port calls"), calls);
    lines.emplace_back(
        QStringLiteral("AIS"),
        p.fixes == 0
            ? (p.otherPoints > 0 ? QStringLiteral("no AIS fix in the span; the track is %1 "
                                                  "reported places and reconstructed points")
                                       .arg(util::countText(p.otherPoints))
                                 : QStringLiteral("no AIS position in the span"))
            : QStringLiteral("%1 on %2")
                  .arg(plural(p.fixes, "fix", "fixes"), plural(p.daysWithAis, "day", "days")));
    lines.emplace_back(QStringLiteral("Dark"),
                       p.darkMs == 0
                           ? QStringLiteral("no AIS gap or reported AIS-off period")
                           : QStringLiteral("%1 in all, the longest %2")
                                 .arg(durationWords(p.darkMs), durationWords(p.longestDarkMs)));
    QString meetings;
    if (p.meetings.empty()) {
        meetings = QStringLiteral("none");
    } else {
        int total = 0;
        QStringList with;
        for (const Meeting& m : p.meetings) {
            total += m.encounters;
            with << QStringLiteral("%1%2 (%3)")
                        .arg(m.otherName, m.listed ? QStringLiteral(", listed") : QString())
                        .arg(m.encounters);
        }
        meetings = QStringLiteral("%1 with %2: %3")
                       .arg(plural(total, "encounter", "encounters"),
                            plural(static_cast<std::int64_t>(p.meetings.size()), "ship", "ships"),
                            with.join(QStringLiteral("; ")));
    }
    lines.emplace_back(QStringLiteral("Meetings"), meetings);
    lines.emplace_back(QStringLiteral("Loitering"), plural(p.loitering, "episode", "episodes"));
    lines.emplace_back(
        QStringLiteral("Identity"),
        QStringLiteral("%1, %2, %3")
            .arg(plural(p.nameChanges, "name change", "name changes"),
                 plural(p.flagChanges, "flag change", "flag changes"),
                 plural(p.identityConflicts, "identity conflict", "identity conflicts")));
    QStringList lists;
    for (const auto& m : p.listMatches) {
        lists << m.describe();
    }
    lines.emplace_back(QStringLiteral("Lists"), lists.isEmpty()
                                                    ? QStringLiteral("on none of the lists loaded")
                                                    : lists.join(QStringLiteral("; ")));
    return lines;
}

QJsonObject profileJson(const VesselProfile& p)
{
    QJsonArray meetings;
    for (const Meeting& m : p.meetings) {
        meetings.append(QJsonObject{{QStringLiteral("vesselId"), static_cast<double>(m.other)},
                                    {QStringLiteral("name"), m.otherName},
                                    {QStringLiteral("encounters"), m.encounters},
                                    {QStringLiteral("listed"), m.listed}});
    }
    QJsonArray lists;
    for (const auto& m : p.listMatches) {
        lists.append(QJsonObject{{QStringLiteral("list"), m.list},
                                 {QStringLiteral("entry"), m.entryId},
                                 {QStringLiteral("program"), m.program},
                                 {QStringLiteral("snapshot"), m.snapshot.toString(Qt::ISODate)},
                                 {QStringLiteral("matchedBy"), lists::toString(m.basis)}});
    }
    QJsonArray countries;
    for (const QString& c : p.callCountries) {
        countries.append(c);
    }
    return QJsonObject{
        {QStringLiteral("vesselId"), static_cast<double>(p.vessel.id)},
        {QStringLiteral("name"), p.vessel.displayName()},
        {QStringLiteral("from"), exporting::isoUtc(p.fromUtcMs)},
        {QStringLiteral("to"), exporting::isoUtc(p.toUtcMs)},
        {QStringLiteral("portCalls"), static_cast<double>(p.calls.size())},
        {QStringLiteral("possibleCalls"), p.possibleCalls},
        {QStringLiteral("callCountries"), countries},
        {QStringLiteral("fixes"), static_cast<double>(p.fixes)},
        {QStringLiteral("daysWithAis"), p.daysWithAis},
        {QStringLiteral("darkHours"), static_cast<double>(p.darkMs) / 3.6e6},
        {QStringLiteral("longestDarkHours"), static_cast<double>(p.longestDarkMs) / 3.6e6},
        {QStringLiteral("meetings"), meetings},
        {QStringLiteral("loitering"), p.loitering},
        {QStringLiteral("nameChanges"), p.nameChanges},
        {QStringLiteral("flagChanges"), p.flagChanges},
        {QStringLiteral("identityConflicts"), p.identityConflicts},
        {QStringLiteral("lists"), lists},
    };
}

} // namespace wake::investigate
