#pragma once

// "At the replay time": where the selected vessel is, how fast and which way
// it goes, and how we know it (observed over AIS, reported by a source, or
// reconstructed by Wake), with the distance run since the start of the range.
// Updated as the replay moves; a label per value, so it never reflows.

#include "core/model/track_point.h"
#include "core/replay/voyage_stats.h"

#include <QWidget>

#include <cstdint>
#include <optional>
#include <span>

class QLabel;

namespace wake::ui {

class VesselStatePanel : public QWidget
{
    Q_OBJECT
public:
    explicit VesselStatePanel(QWidget* parent = nullptr);

    // track must stay alive until the next call (the map scene owns it).
    void setTrack(std::span<const model::TrackPoint> track, std::int64_t rangeStartUtcMs);
    void setTime(std::int64_t timeUtcMs);
    // While live AIS is followed: the selected vessel's last live report,
    // shown for times after its stored track ends (the stored track is read
    // once at selection, live reports keep coming). None outside live.
    void setLiveFix(std::optional<model::TrackPoint> fix);

    // The value shown for a row ("Position", "Speed", ...), for tests.
    QString value(const QString& row) const;

private:
    QLabel* addRow(const QString& name);

    std::span<const model::TrackPoint> m_track;
    std::optional<model::TrackPoint> m_liveFix;
    replay::DistanceIndex m_distances; // sums once per track, not per tick
    std::int64_t m_rangeStart = 0;
    QLabel* m_time = nullptr;
    QLabel* m_position = nullptr;
    QLabel* m_decimal = nullptr;
    QLabel* m_speed = nullptr;
    QLabel* m_course = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_provenance = nullptr;
    QLabel* m_lastObserved = nullptr;
    QLabel* m_distance = nullptr;
};

} // namespace wake::ui
