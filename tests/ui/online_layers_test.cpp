// Online map layers against a small HTTP server on 127.0.0.1: tiles of the
// view only, a Wake/<version> User-Agent, a disk cache that serves them
// again with the server gone (even though it said no-cache), and nothing
// drawn, nothing waited for, when there is no network at all.

#include "tests/ui/test_application.h"
#include "ui/map/map_style.h"
#include "ui/map/map_widget.h"
#include "ui/map/online_tile_layer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QImage>
#include <QPainter>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace wake;

namespace {

using wake::test::waitFor;

// Answers every GET with one magenta PNG tile, and remembers what it was asked.
class TileServer
{
public:
    TileServer()
    {
        QImage tile(256, 256, QImage::Format_RGB32);
        tile.fill(QColor(255, 0, 255));
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        tile.save(&buffer, "PNG");
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, [this, s] {
                    m_buffers[s] += s->readAll();
                    if (!m_buffers[s].contains("\r\n\r\n")) {
                        return;
                    }
                    const QByteArray request = m_buffers.take(s);
                    requests << QString::fromLatin1(request.left(request.indexOf("\r\n")));
                    for (const QByteArray& line : request.split('\n')) {
                        if (line.toLower().startsWith("user-agent:")) {
                            userAgents << QString::fromLatin1(line.mid(11).trimmed());
                        }
                    }
                    s->write(
                        "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nCache-Control: no-cache\r\n"
                        "Connection: close\r\nContent-Length: " +
                        QByteArray::number(m_png.size()) + "\r\n\r\n" + m_png);
                    s->disconnectFromHost();
                });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void close() { m_server.close(); }
    QStringList requests;
    QStringList userAgents;

private:
    QTcpServer m_server;
    QByteArray m_png;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

QColor centreAfterPaint(ui::OnlineTileLayer& layer, const ui::MapViewport& vp)
{
    QImage image(vp.size().toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    layer.paint(p, vp);
    p.end();
    return image.pixelColor(image.width() / 2, image.height() / 2);
}

} // namespace

TEST(OnlineLayers, TilesOfTheViewComeOnceAndStayInTheCacheOffline)
{
    wake::test::ensureApplication();
    QTemporaryDir dir;
    TileServer server;
    const QString url = QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(server.port());
    const ui::MapViewport vp({0.30, 0.45}, 4, QSizeF(512, 384));
    ui::OnlineTileLayer layer(url, QStringLiteral("© OpenStreetMap contributors"),
                              dir.filePath(QStringLiteral("cache")));
    // The first frame asks and does not wait: nothing drawn yet.
    EXPECT_EQ(centreAfterPaint(layer, vp), QColor(Qt::white));
    const int asked = layer.requestsSent();
    EXPECT_GE(asked, 4);
    EXPECT_LE(asked, 9); // the view's tiles at zoom 4, no more
    ASSERT_TRUE(waitFor([&] { return server.requests.size() == asked; }));
    ASSERT_TRUE(waitFor([&] { return centreAfterPaint(layer, vp) == QColor(255, 0, 255); }));
    EXPECT_EQ(layer.requestsSent(), asked); // arrived tiles are not asked again
    EXPECT_TRUE(server.requests.front().startsWith(QStringLiteral("GET /4/")));
    ASSERT_FALSE(server.userAgents.isEmpty());
    EXPECT_TRUE(server.userAgents.front().startsWith(QStringLiteral("Wake/")));

    // The server goes away: a new layer (a new start of Wake) draws from the disk cache.
    server.close();
    const int before = server.requests.size();
    ui::OnlineTileLayer again(url, QString(), dir.filePath(QStringLiteral("cache")));
    centreAfterPaint(again, vp);
    EXPECT_TRUE(waitFor([&] { return centreAfterPaint(again, vp) == QColor(255, 0, 255); }));
    EXPECT_EQ(again.failures(), 0);
    EXPECT_EQ(server.requests.size(), before);
}

TEST(OnlineLayers, WithoutNetworkNothingIsDrawnAndNothingWaits)
{
    wake::test::ensureApplication();
    QTemporaryDir dir;
    quint16 port = 0;
    {
        TileServer probe;
        port = probe.port(); // closed again: nothing listens there
    }
    ui::OnlineTileLayer layer(QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(port),
                              QString(), dir.filePath(QStringLiteral("cache")));
    const ui::MapViewport vp({0.30, 0.45}, 4, QSizeF(512, 384));
    QElapsedTimer clock;
    clock.start();
    EXPECT_EQ(centreAfterPaint(layer, vp), QColor(Qt::white));
    EXPECT_LT(clock.elapsed(), 1000);
    EXPECT_TRUE(waitFor([&] { return layer.failures() == layer.requestsSent(); }));
    EXPECT_EQ(centreAfterPaint(layer, vp), QColor(Qt::white));
}

TEST(OnlineLayers, TheWidgetPutsOpenStreetMapUnderTheTracksAndCreditsIt)
{
    wake::test::ensureApplication();
    QTemporaryDir dir;
    wake::test::useSettingsIn(dir.filePath(QStringLiteral("settings")));
    QSettings().setValue(QStringLiteral("map/online/openStreetMapUrl"),
                         QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png"));
    ui::MapWidget map;
    EXPECT_EQ(map.openStreetMapLayer(), nullptr); // off by default
    EXPECT_TRUE(map.renderer().isLayerVisible(ui::MapLayer::Basemap));
    map.setOnlineLayers(true, true);
    ASSERT_NE(map.openStreetMapLayer(), nullptr);
    ASSERT_NE(map.seamarkLayer(), nullptr);
    EXPECT_FALSE(map.renderer().isLayerVisible(ui::MapLayer::Basemap));
    EXPECT_FALSE(map.renderer().staticLayers().isOpaque());
    // No tile can arrive (nothing listens): the frame still shows the vector land.
    map.resize(400, 300);
    ui::MapViewport caribbean({0.5, 0.5}, 0, QSizeF(400, 300));
    caribbean.fit({7.0, -86.0}, {24.0, -72.0});
    map.setViewport(caribbean);
    EXPECT_FALSE(map.openStreetMapLayer()->covers(map.viewport()));
    const QImage frame = map.grab().toImage();
    int land = 0;
    for (int y = 0; y < frame.height(); y += 5) {
        for (int x = 0; x < frame.width(); x += 5) {
            land += frame.pixelColor(x, y) == ui::style::kLand ? 1 : 0;
        }
    }
    EXPECT_GT(land, 50) << "the vector land is drawn while the online tiles are missing";
    map.setOnlineLayers(false, false);
    EXPECT_EQ(map.openStreetMapLayer(), nullptr);
    EXPECT_TRUE(map.renderer().isLayerVisible(ui::MapLayer::Basemap));
}
