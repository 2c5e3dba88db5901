#pragma once

// The card of an event: what happened, where, when as reported (and what of
// the time is not known), and for the seizure the cargo found and the UN
// resolutions it breached, each with its sources and confidence. Every value
// comes from the scenario file. A detected event shows its evidence instead:
// the fixes used and the values that fired.

#include "core/model/attribution.h"
#include "core/model/event.h"
#include "core/model/vessel.h"

#include <QDialog>
#include <QString>

#include <vector>

class QTextBrowser;

namespace wake::ui {

// facts: the vessel's facts; the card shows the cargo and legal sections for
// a seizure. sources: those of citedSourceIds. rulesJson: the rule values
// stored with a detected event (Database::analysisRules), shown beside its
// evidence.
QString eventCardHtml(const model::Event& event, const std::vector<model::Source>& sources,
                      const std::vector<model::VesselFact>& facts,
                      const QString& rulesJson = QString());
// Every source the card of this event cites, each once: the event's, then
// those of the facts it shows.
std::vector<QString> citedSourceIds(const model::Event& event,
                                    const std::vector<model::VesselFact>& facts);

class EventCard : public QDialog
{
    Q_OBJECT
public:
    explicit EventCard(QWidget* parent = nullptr);
    void present(const model::Event& event, const QString& html);
    QTextBrowser* browser() const { return m_browser; }
    model::EventId eventId() const { return m_eventId; }

Q_SIGNALS:
    // "Go to this moment": the replay should move to the event's start.
    void goToRequested(qint64 timeUtcMs);

private:
    QTextBrowser* m_browser = nullptr;
    model::EventId m_eventId = 0;
    qint64 m_eventStartUtcMs = 0;
};

} // namespace wake::ui
