#pragma once

// TrafficLoader's worker, on its own thread (see traffic_loader.h).

#include "core/store/database.h"
#include "ui/map/traffic_loader.h"

#include <QObject>

#include <atomic>
#include <optional>
#include <unordered_map>

namespace wake::ui {

class TrafficWorker : public QObject
{
    Q_OBJECT
public:
    explicit TrafficWorker(QString databasePath) : m_path(std::move(databasePath)) {}

    // Set from the GUI thread; the worker answers the newest one.
    std::atomic<std::int64_t> latestTime{0};
    std::atomic<std::int64_t> latestMaxAge{0};
    std::atomic<bool> vesselsStale{true};

public Q_SLOTS:
    void load();

Q_SIGNALS:
    void loaded(qint64 timeUtcMs,
                std::shared_ptr<const std::vector<wake::ui::TrafficTarget>> traffic);

private:
    struct VesselLook
    {
        QString name;
        std::optional<int> aisShipType;
        std::optional<std::uint32_t> mmsi;
    };
    QString m_path;
    std::optional<store::Database> m_db;
    std::unordered_map<model::VesselId, VesselLook> m_vessels;
    std::int64_t m_answered = -1;
};

} // namespace wake::ui
