#include "ui/replay/event_card.h"

#include "ui/replay/evidence_text.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace wake::ui {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString sourceLinks(const std::vector<QString>& ids, const std::map<QString, model::Source>& byId)
{
    QStringList links;
    for (const QString& id : ids) {
        const auto it = byId.find(id);
        if (it == byId.end()) {
            links << esc(id);
        } else if (it->second.url.isEmpty()) {
            links << QStringLiteral("%1 %2").arg(esc(id), esc(it->second.title));
        } else {
            links << QStringLiteral("<a href=\"%1\">%2</a> %3")
                         .arg(esc(it->second.url), esc(id), esc(it->second.title));
        }
    }
    return links.join(QStringLiteral("<br>"));
}

QString whenAsReported(const model::Event& e)
{
    QString when = esc(model::formatTimeSpan(e.time));
    switch (e.time.precision) {
    case model::TimePrecision::Year:
    case model::TimePrecision::Month:
    case model::TimePrecision::Day:
        when += QStringLiteral(" <i>(time of day not reported)</i>");
        break;
    default:
        break; // formatTimeSpan already says UTC
    }
    return when;
}

} // namespace

namespace {

QString fixText(const QJsonObject& fix)
{
    QString text = QStringLiteral("%1 · %2, %3")
                       .arg(fix.value(QStringLiteral("t")).toString())
                       .arg(fix.value(QStringLiteral("lat")).toDouble(), 0, 'f', 5)
                       .arg(fix.value(QStringLiteral("lon")).toDouble(), 0, 'f', 5);
    if (fix.contains(QStringLiteral("sog"))) {
        text += QStringLiteral(" · %1 kn").arg(fix.value(QStringLiteral("sog")).toDouble());
    }
    return text;
}

// The evidence of a detected event, as the detector stored it.
QString evidenceHtml(const model::Event& e, const QString& rulesJson)
{
    const QJsonObject ev = QJsonDocument::fromJson(e.evidence.toUtf8()).object();
    QString rows;
    QString calls;
    for (auto it = ev.begin(); it != ev.end(); ++it) {
        const QJsonValue v = it.value();
        QString text;
        if (it.key() == QLatin1String("possibleCalls")) {
            for (const QJsonValue& c : v.toArray()) {
                const QJsonObject o = c.toObject();
                calls += QStringLiteral("<li>%1 (%2) — %3 nm detour</li>")
                             .arg(esc(o.value(QStringLiteral("name")).toString()),
                                  esc(o.value(QStringLiteral("unlocode")).toString()))
                             .arg(o.value(QStringLiteral("detourNm")).toDouble(), 0, 'f', 0);
            }
            continue;
        }
        if (v.isObject() && v.toObject().contains(QStringLiteral("t"))) {
            text = fixText(v.toObject());
        } else if (v.isObject() && v.toObject().contains(QStringLiteral("name"))) {
            text = v.toObject().value(QStringLiteral("name")).toString();
        } else if (v.isObject()) {
            // Values under a rule (identity checks): one line each.
            QStringList parts;
            const QJsonObject o = v.toObject();
            for (auto p = o.begin(); p != o.end(); ++p) {
                parts << QStringLiteral("%1: %2").arg(evidenceLabel(p.key()),
                                                      evidenceValueText(p.key(), p.value()));
            }
            text = parts.join(QStringLiteral("; "));
        } else {
            text = evidenceValueText(it.key(), v);
        }
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(esc(evidenceLabel(it.key())), esc(text));
    }
    QString html = QStringLiteral("<h3>Evidence</h3><table cellspacing=4>%1</table>").arg(rows);
    if (e.kind == model::EventKind::AisGap) {
        html +=
            calls.isEmpty()
                ? QStringLiteral("<p>No reference port lies within reach.</p>")
                : QStringLiteral("<h3>Possible unseen calls (ports within reach)</h3><ul>%1</ul>")
                      .arg(calls);
    }
    const QString rules = ruleValuesHtml(e.kind, rulesJson);
    if (!rules.isEmpty()) {
        html += QStringLiteral("<h3>Rules that found it</h3><table cellspacing=4>%1</table>")
                    .arg(rules);
    }
    html += QStringLiteral("<p><small>%1.</small></p>").arg(esc(e.attribution.note));
    return html;
}

} // namespace

// The facts a card shows beside the event: the cargo and the legal context of a seizure.
std::vector<const model::VesselFact*> factsShown(const model::Event& e,
                                                 const std::vector<model::VesselFact>& facts)
{
    std::vector<const model::VesselFact*> shown;
    if (e.kind != model::EventKind::Seizure) {
        return shown;
    }
    for (const QString& section : {QStringLiteral("cargo"), QStringLiteral("legal")}) {
        for (const auto& f : facts) {
            if (f.section == section && f.value) {
                shown.push_back(&f);
            }
        }
    }
    return shown;
}

std::vector<QString> citedSourceIds(const model::Event& e,
                                    const std::vector<model::VesselFact>& facts)
{
    std::vector<QString> ids;
    const auto add = [&ids](const QString& id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    };
    for (const QString& id : e.attribution.sourceIds) {
        add(id);
    }
    for (const model::VesselFact* f : factsShown(e, facts)) {
        for (const QString& id : f->attribution.sourceIds) {
            add(id);
        }
    }
    return ids;
}

QString eventCardHtml(const model::Event& e, const std::vector<model::Source>& sources,
                      const std::vector<model::VesselFact>& facts, const QString& rulesJson)
{
    std::map<QString, model::Source> byId;
    for (const auto& s : sources) {
        byId.emplace(s.id, s);
    }
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(e.title));
    html += QStringLiteral("<table cellspacing=4>");
    html += QStringLiteral("<tr><td><b>When</b></td><td>%1</td></tr>").arg(whenAsReported(e));
    if (!e.reportedTime.isEmpty()) {
        html += QStringLiteral("<tr><td><b>As reported</b></td><td>%1</td></tr>")
                    .arg(esc(e.reportedTime));
    }
    if (!e.place.isEmpty()) {
        html += QStringLiteral("<tr><td><b>Where</b></td><td>%1</td></tr>").arg(esc(e.place));
    }
    html += QStringLiteral("<tr><td><b>Confidence</b></td><td>%1</td></tr>")
                .arg(esc(model::toString(e.attribution.confidence)));
    html += QStringLiteral("</table>");
    if (!e.description.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(esc(e.description));
    }
    const std::vector<const model::VesselFact*> shown = factsShown(e, facts);
    for (const auto& [section, heading] :
         {std::pair{QStringLiteral("cargo"), QStringLiteral("Cargo found")},
          std::pair{QStringLiteral("legal"), QStringLiteral("UN resolutions and legal context")}}) {
        QString rows;
        for (const model::VesselFact* f : shown) {
            if (f->section != section) {
                continue;
            }
            rows += QStringLiteral("<tr><td valign=top><b>%1</b></td><td>%2<br><small>%3 "
                                   "confidence · %4</small></td></tr>")
                        .arg(esc(f->label), esc(*f->value),
                             esc(model::toString(f->attribution.confidence)),
                             esc(QStringList(f->attribution.sourceIds.begin(),
                                             f->attribution.sourceIds.end())
                                     .join(QStringLiteral(", "))));
        }
        if (!rows.isEmpty()) {
            html += QStringLiteral("<h3>%1</h3><table cellspacing=4>%2</table>").arg(heading, rows);
        }
    }
    if (!e.evidence.isEmpty()) {
        html += evidenceHtml(e, rulesJson);
        return html;
    }
    // Every source the card cites, the facts' as well as the event's.
    html += QStringLiteral("<h3>Sources</h3><p>%1</p>")
                .arg(sourceLinks(citedSourceIds(e, facts), byId));
    return html;
}

EventCard::EventCard(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("eventCard"));
    setWindowTitle(tr("Event"));
    resize(560, 620);
    auto* layout = new QVBoxLayout(this);
    m_browser = new QTextBrowser(this);
    m_browser->setOpenExternalLinks(true);
    layout->addWidget(m_browser);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    auto* goTo = buttons->addButton(tr("&Go to this moment"), QDialogButtonBox::ActionRole);
    goTo->setObjectName(QStringLiteral("goToEvent"));
    connect(goTo, &QPushButton::clicked, this, [this] { Q_EMIT goToRequested(m_eventStartUtcMs); });
    layout->addWidget(buttons);
}

void EventCard::present(const model::Event& event, const QString& html)
{
    m_eventId = event.id;
    m_eventStartUtcMs = event.time.startUtcMs;
    setWindowTitle(event.title);
    m_browser->setHtml(html);
    show();
    raise();
}

} // namespace wake::ui
