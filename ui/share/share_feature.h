#pragma once

// Sharing what was found: File → Export track… (GPX, KML, GeoJSON, CSV),
// Save map image… (a PNG at any size) and Export replay video… (ffmpeg run
// as a program, or numbered PNG frames without it).

#include "core/export/export_format.h"
#include "core/util/result.h"

#include <QObject>
#include <QSize>

#include <memory>
#include <utility>

namespace wake::ui {

class MapRenderer;
class MapViewport;
class ReplayFeature;
class Shell;

class ShareFeature : public QObject
{
    Q_OBJECT
public:
    ShareFeature(Shell& shell, ReplayFeature& replay);

    // What the menu items do once a file is chosen: the selected vessel's
    // whole track (points and events written), and the map as shown, scaled.
    Result<std::pair<std::size_t, std::size_t>> exportTrackTo(const QString& path,
                                                              exporting::ExportFormat format);
    Status saveMapImageTo(const QString& path, QSize size) const;

private:
    void exportTrack();
    void saveMapImage();
    void exportReplayVideo();
    void writeReport();
    MapViewport viewportForSize(QSize size) const;
    std::unique_ptr<MapRenderer> rendererForExport() const;

    Shell& m_shell;
    ReplayFeature& m_replay;
};

} // namespace wake::ui
