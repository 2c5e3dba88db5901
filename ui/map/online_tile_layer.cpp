#include "ui/map/online_tile_layer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPainter>

#include <cmath>

namespace wake::ui {

namespace {

QString keyOf(int z, int x, int y)
{
    return QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y);
}

} // namespace

QIODevice* TileDiskCache::prepare(const QNetworkCacheMetaData& metaData)
{
    QNetworkCacheMetaData kept = metaData;
    const QDateTime keepUntil = QDateTime::currentDateTimeUtc().addDays(kMinKeepDays);
    if (!kept.expirationDate().isValid() || kept.expirationDate() < keepUntil) {
        kept.setExpirationDate(keepUntil);
    }
    // Servers that say no-cache would make the tile vanish offline.
    QNetworkCacheMetaData::RawHeaderList headers;
    for (const auto& h : kept.rawHeaders()) {
        if (h.first.compare("Cache-Control", Qt::CaseInsensitive) != 0 &&
            h.first.compare("Pragma", Qt::CaseInsensitive) != 0) {
            headers.append(h);
        }
    }
    kept.setRawHeaders(headers);
    kept.setSaveToDisk(true);
    return QNetworkDiskCache::prepare(kept);
}

QString OnlineTileLayer::userAgent()
{
    return QStringLiteral("Wake/%1").arg(QStringLiteral(WAKE_VERSION));
}

OnlineTileLayer::OnlineTileLayer(QString urlTemplate, QString credit, QString cacheFolder,
                                 QObject* parent)
    : QObject(parent), m_template(std::move(urlTemplate)), m_credit(std::move(credit))
{
    auto* cache = new TileDiskCache(&m_network);
    cache->setCacheDirectory(cacheFolder);
    cache->setMaximumCacheSize(TileDiskCache::kMaxBytes);
    m_network.setCache(cache);
}

QUrl OnlineTileLayer::urlFor(int z, int x, int y) const
{
    QString url = m_template;
    url.replace(QLatin1String("{z}"), QString::number(z));
    url.replace(QLatin1String("{x}"), QString::number(x));
    url.replace(QLatin1String("{y}"), QString::number(y));
    return QUrl(url);
}

void OnlineTileLayer::request(int z, int x, int y)
{
    const QString key = keyOf(z, x, y);
    if (m_pending.contains(key) || m_images.contains(key)) {
        return;
    }
    QNetworkRequest req(urlFor(z, x, y));
    req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    // The cache first, even when the server would want it checked again.
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    req.setTransferTimeout(15000);
    m_pending.insert(key);
    ++m_requests;
    QNetworkReply* reply = m_network.get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        m_pending.remove(key);
        QImage image;
        if (reply->error() != QNetworkReply::NoError || !image.loadFromData(reply->readAll())) {
            ++m_failures; // offline or a bad tile: the vector map shows through
            return;
        }
        m_images.insert(key, new QImage(std::move(image)));
        Q_EMIT tileArrived();
    });
}

namespace {

struct TileRange
{
    int z = 0;
    double n = 1;
    int x0 = 0;
    int x1 = -1;
    int y0 = 0;
    int y1 = -1;
    bool tooMany = false;
    int wrap(int x) const
    {
        const int size = static_cast<int>(n);
        return ((x % size) + size) % size;
    }
};

TileRange tilesOf(const MapViewport& vp)
{
    TileRange r;
    r.z = std::clamp(static_cast<int>(std::lround(vp.zoom())), 0, OnlineTileLayer::kMaxZoom);
    r.n = std::ldexp(1.0, r.z);
    const QRectF world = vp.visibleWorld();
    r.x0 = static_cast<int>(std::floor(world.left() * r.n));
    r.x1 = static_cast<int>(std::floor(world.right() * r.n));
    r.y0 = std::max(0, static_cast<int>(std::floor(world.top() * r.n)));
    r.y1 = std::min(static_cast<int>(r.n) - 1, static_cast<int>(std::floor(world.bottom() * r.n)));
    r.tooMany = (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1) > OnlineTileLayer::kMaxTilesPerView;
    return r;
}

} // namespace

bool OnlineTileLayer::covers(const MapViewport& vp) const
{
    const TileRange r = tilesOf(vp);
    if (r.tooMany) {
        return false;
    }
    for (int y = r.y0; y <= r.y1; ++y) {
        for (int x = r.x0; x <= r.x1; ++x) {
            if (!m_images.contains(keyOf(r.z, r.wrap(x), y))) {
                return false;
            }
        }
    }
    return true;
}

bool OnlineTileLayer::paint(QPainter& p, const MapViewport& vp)
{
    const TileRange r = tilesOf(vp);
    if (r.tooMany) {
        return false; // never a bulk download
    }
    bool complete = true;
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (int y = r.y0; y <= r.y1; ++y) {
        for (int x = r.x0; x <= r.x1; ++x) {
            const int wrapped = r.wrap(x);
            const QImage* image = m_images.object(keyOf(r.z, wrapped, y));
            if (image == nullptr) {
                request(r.z, wrapped, y);
                complete = false;
                continue;
            }
            const QPointF topLeft = vp.worldToScreen({x / r.n, y / r.n});
            const QPointF bottomRight = vp.worldToScreen({(x + 1) / r.n, (y + 1) / r.n});
            p.drawImage(QRectF(topLeft, bottomRight), *image);
        }
    }
    p.restore();
    return complete;
}

} // namespace wake::ui
