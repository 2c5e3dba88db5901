#include "ui/panels/identity_timeline_html.h"

#include "ui/panels/voyage_summary.h"

#include <QDateTime>
#include <QMap>

#include <cmath>

namespace wake::ui {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString fieldLabel(const QString& field)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("name"), QStringLiteral("Name")},
        {QStringLiteral("callsign"), QStringLiteral("Call sign")},
        {QStringLiteral("call_sign"), QStringLiteral("Call sign")},
        {QStringLiteral("imo"), QStringLiteral("IMO")},
        {QStringLiteral("flag"), QStringLiteral("Flag")},
        {QStringLiteral("ais_ship_type"), QStringLiteral("Ship type")},
        {QStringLiteral("shiptype"), QStringLiteral("Ship type")},
        {QStringLiteral("dimensions"), QStringLiteral("Dimensions")},
        {QStringLiteral("destination"), QStringLiteral("Destination")},
        {QStringLiteral("draught"), QStringLiteral("Draught")},
    };
    return labels.value(field, field);
}

QString sourceText(const model::IdentityRecord& r, const QHash<QString, model::Source>& byId)
{
    if (r.sourceIds.empty()) {
        return QStringLiteral("AIS static data");
    }
    QStringList links;
    for (const QString& id : r.sourceIds) {
        const auto it = byId.find(id);
        links << (it != byId.end() && !it->url.isEmpty()
                      ? QStringLiteral("<a href='%1'>%2</a>").arg(esc(it->url), esc(id))
                      : esc(id));
    }
    return links.join(QStringLiteral(", "));
}

} // namespace

QString identityTimelineHtml(const model::Vessel& v, const QHash<QString, model::Source>& byId,
                             const std::vector<investigate::SameHull>& sameHull,
                             const std::vector<lists::ListMatch>& listMatches)
{
    // By field, in the order fields are first met, each value with its period.
    QMap<QString, QStringList> byField;
    QStringList order;
    for (const model::IdentityRecord& r : v.history) {
        if (!byField.contains(r.field)) {
            order << r.field;
        }
        const QString period = r.from && r.to
                                   ? model::formatTimeSpan(*r.from) + QStringLiteral(" – ") +
                                         model::formatTimeSpan(*r.to)
                               : r.to   ? QStringLiteral("until ") + model::formatTimeSpan(*r.to)
                               : r.from ? QStringLiteral("since ") + model::formatTimeSpan(*r.from)
                                        : QStringLiteral("when not known");
        byField[r.field] << QStringLiteral("%1 <small>(%2; %3)</small>")
                                .arg(esc(r.value), esc(period), sourceText(r, byId));
    }
    QString html;
    if (!order.isEmpty()) {
        html += QStringLiteral("<h3>Identity over time</h3><table cellspacing='4'>");
        for (const QString& field : order) {
            html += QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>")
                        .arg(esc(fieldLabel(field)), byField[field].join(QStringLiteral("<br>")));
        }
        html += QStringLiteral("</table>");
    }
    QStringList byImo;
    QStringList byHandover;
    for (const investigate::SameHull& same : sameHull) {
        const model::Vessel& o = same.other;
        const QString who = QStringLiteral("#%1 %2 (MMSI %3)")
                                .arg(o.id)
                                .arg(esc(o.displayName()),
                                     o.mmsi ? QString::number(*o.mmsi) : QStringLiteral("unknown"));
        if (!same.handover) {
            byImo << who;
            continue;
        }
        const investigate::MmsiHandover& h = *same.handover;
        const bool otherFirst = h.earlier == o.id;
        const QString when = QDateTime::fromMSecsSinceEpoch(h.lastFix.timeUtcMs, Qt::UTC)
                                 .toString(QStringLiteral("d MMM yyyy HH:mm 'UTC'"));
        const QString gap = h.silentMs <= 0 ? QStringLiteral("as")
                                            : formatDuration(h.silentMs) + QStringLiteral(" after");
        byHandover << (otherFirst
                           ? QStringLiteral("%1 was last heard %2; this MMSI was first heard %3 it "
                                            "stopped, %4 m away")
                           : QStringLiteral("this MMSI was last heard %2; %1 was first heard %3 it "
                                            "stopped, %4 m away"))
                          .arg(who, when, gap, QString::number(std::lround(h.distanceM)));
    }
    if (!byImo.isEmpty()) {
        html +=
            QStringLiteral("<p><b>The same hull under another MMSI</b> (the same IMO number "
                           "%1): %2</p>")
                .arg(v.imo ? QString::number(*v.imo) : QString(), byImo.join(QStringLiteral("; ")));
    }
    if (!byHandover.isEmpty()) {
        html += QStringLiteral("<p><b>Possibly the same hull under another MMSI</b> (one track "
                               "ends where and when the other begins, with the same hull "
                               "dimensions or type; a lead, not proof): %1</p>")
                    .arg(byHandover.join(QStringLiteral("; ")));
    }
    QStringList listed;
    for (const lists::ListMatch& m : listMatches) {
        QStringList names = m.entryFormerNames;
        for (const QString& alias : m.entryAliases) {
            names << alias;
        }
        if (!names.isEmpty()) {
            listed << QStringLiteral("%1 entry %2: formerly or also %3")
                          .arg(esc(m.list), esc(m.entryId), esc(names.join(QStringLiteral(", "))));
        }
    }
    if (!listed.isEmpty()) {
        html += QStringLiteral("<p><b>Names the lists give</b><br>%1</p>")
                    .arg(listed.join(QStringLiteral("<br>")));
    }
    return html;
}

} // namespace wake::ui
