#pragma once

// The selected vessel's events: the "Events" dock (filtered by kind; a
// choice by click or arrow keys moves the replay there, Enter or a
// double-click opens the card), the card with its evidence and sources,
// and the banner when the replay reaches an event.

#include "core/investigate/case_file.h"
#include "core/util/result.h"
#include "ui/shell/selection_panel.h"

#include <QObject>

#include <vector>

class QComboBox;
class QLabel;
class QModelIndex;
class QPoint;
class QTableView;

namespace wake::ui {

class EventCard;
class EventsModel;
class ReplayFeature;
class Shell;

class EventsFeature : public QObject, public SelectionPanel
{
    Q_OBJECT
public:
    EventsFeature(Shell& shell, ReplayFeature& replay);

    void show(const VesselSelection& selection) override;
    void clear() override;

    void openCard(model::EventId id);
    // Moves the replay to the event (the whole track when it lies outside
    // what is replayed) and the map to its place.
    void goTo(model::EventId id);
    // What Copy sources puts on the clipboard: the event and its sources.
    QString sourcesText(model::EventId id);
    // The event's review state (case file), kept under its key with who and when.
    Status setReview(model::EventId id, investigate::ReviewState state);
    investigate::ReviewState review(model::EventId id);
    // A case note on the event, by the current author; the details show it.
    Status addNote(model::EventId id, const QString& text);
    EventCard* card() const { return m_card; }

private:
    const model::Event* eventById(model::EventId id) const;
    void showFiltered();
    void selectRow(model::EventId id);
    void showBanner(const QList<qint64>& eventIds);
    void showMenu(const QModelIndex& index, const QPoint& at);

    Shell& m_shell;
    ReplayFeature& m_replay;
    std::shared_ptr<const VesselSelection> m_selection;
    EventsModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_banner = nullptr;
    EventCard* m_card = nullptr;
    bool m_selectingRow = false; // the replay, not the user, chooses a row
};

} // namespace wake::ui
