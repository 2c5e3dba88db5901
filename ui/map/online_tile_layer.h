#pragma once

// An optional online raster layer: OpenStreetMap tiles or the OpenSeaMap
// seamark overlay, off by default. Tiles come from the URL template in the
// settings ({z}/{x}/{y}), with a Wake/<version> User-Agent, through a disk
// cache that keeps each tile at least seven days whatever the server says.
// Only the tiles of the view are asked for (at most kMaxTilesPerView, never
// a bulk download); paint() draws what has arrived and never waits, so
// offline the vector map is drawn as before.

#include "ui/map/map_viewport.h"

#include <QCache>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QObject>
#include <QSet>
#include <QString>

class QPainter;

namespace wake::ui {

// Keeps tiles at least kMinKeepDays, so a map seen once is there offline.
class TileDiskCache : public QNetworkDiskCache
{
public:
    static constexpr int kMinKeepDays = 7;
    static constexpr qint64 kMaxBytes = 500LL * 1024 * 1024;
    using QNetworkDiskCache::QNetworkDiskCache;
    QIODevice* prepare(const QNetworkCacheMetaData& metaData) override;
};

class OnlineTileLayer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxTilesPerView = 64;
    static constexpr int kMaxZoom = 19;

    OnlineTileLayer(QString urlTemplate, QString credit, QString cacheFolder,
                    QObject* parent = nullptr);

    const QString& credit() const { return m_credit; }
    // Paints the tiles that have arrived; asks for the missing ones. Returns
    // whether every tile of the view was there.
    bool paint(QPainter& p, const MapViewport& vp);
    // Whether every tile of the view has arrived (nothing is asked for).
    bool covers(const MapViewport& vp) const;
    int requestsSent() const { return m_requests; }
    int failures() const { return m_failures; }
    static QString userAgent();

Q_SIGNALS:
    void tileArrived();

private:
    QUrl urlFor(int z, int x, int y) const;
    void request(int z, int x, int y);

    QString m_template;
    QString m_credit;
    QNetworkAccessManager m_network;
    QCache<QString, QImage> m_images{768};
    QSet<QString> m_pending;
    int m_requests = 0;
    int m_failures = 0;
};

} // namespace wake::ui
