#pragma once

// "Where was everyone at t" for the map, off the GUI thread: a worker with
// its own read connection answers the latest request only (a replay asks
// many times a second; older requests are dropped), joining each vessel's
// last fix before t (Database::positionsAt, within maxAge) with its name and
// AIS type.

#include "ui/map/traffic_layer.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <cstdint>
#include <memory>
#include <vector>

namespace wake::ui {

class TrafficWorker;

class TrafficLoader : public QObject
{
    Q_OBJECT
public:
    // A vessel is drawn where it last reported up to this long before t.
    static constexpr std::int64_t kDefaultMaxAgeMs = 30 * 60 * 1000;

    explicit TrafficLoader(QString databasePath, QObject* parent = nullptr);
    ~TrafficLoader() override;

    void request(std::int64_t timeUtcMs, std::int64_t maxAgeMs = kDefaultMaxAgeMs);
    // New vessels or names: the worker reads the vessel table again.
    void vesselsChanged();

Q_SIGNALS:
    void loaded(qint64 timeUtcMs,
                std::shared_ptr<const std::vector<wake::ui::TrafficTarget>> traffic);

private:
    QThread m_thread;
    TrafficWorker* m_worker = nullptr;
};

} // namespace wake::ui
