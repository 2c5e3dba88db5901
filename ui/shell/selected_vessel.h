#pragma once

// The one selection of the window (after Subsurface's core/selection.h):
// the list, the map, a live target or an event choose a vessel here; it is
// read once, off the GUI thread, with its own connection to the store, and
// every panel is told: vesselChanged with what was read, or cleared. A
// newer choice supersedes one still being read, so a panel never shows a
// vessel the user has moved away from.

#include "ui/shell/vessel_selection.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace wake::ui {

class Session;
class SelectionWorker;

class SelectedVessel : public QObject
{
    Q_OBJECT
public:
    explicit SelectedVessel(Session& session, QObject* parent = nullptr);
    ~SelectedVessel() override;

    // Reads the vessel (none: clears every panel at once). A vessel chosen
    // where the user is looking (a ship clicked on the map) keeps the
    // replay's time and the map's view.
    void select(std::optional<model::VesselId> id, bool keepTimeAndView = false);
    bool keepsTimeAndView() const { return m_keepTimeAndView; }
    // Reads the same vessel again: its data changed in the store.
    void reload();

    // What was chosen last; what was read last (null when cleared).
    std::optional<model::VesselId> id() const { return m_id; }
    std::shared_ptr<const VesselSelection> current() const { return m_current; }
    // Whether the last choice has been read (tests and status).
    bool isReading() const { return m_pendingGeneration != m_doneGeneration; }

Q_SIGNALS:
    // A vessel was chosen and is being read (before vesselChanged).
    void choosing(std::optional<qint64> id);
    void vesselChanged(std::shared_ptr<const wake::ui::VesselSelection> selection);
    void cleared();
    void readFailed(const QString& message);

private:
    void request();
    void onRead(qint64 generation, std::shared_ptr<const VesselSelection> selection,
                const QString& error);

    Session& m_session;
    std::unique_ptr<SelectionWorker> m_worker;
    std::optional<model::VesselId> m_id;
    std::shared_ptr<const VesselSelection> m_current;
    qint64 m_pendingGeneration = 0;
    qint64 m_doneGeneration = 0;
    bool m_keepTimeAndView = false;
};

} // namespace wake::ui
