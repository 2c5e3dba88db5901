// The map widget's buffered layers: a pan past the margin shows a preview at
// once, then the picture rendered on the worker thread, equal to a fresh render.

#include "ui/map/map_widget.h"

#include <QApplication>
#include <QImage>
#include <QKeyEvent>
#include <QPainter>

#include <gtest/gtest.h>

namespace {

int argc = 1;
char arg0[] = "wake_ui_tests";
char* argv[] = {arg0, nullptr};

std::size_t differingPixels(const QImage& a, const QImage& b)
{
    std::size_t n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QColor ca = a.pixelColor(x, y);
            const QColor cb = b.pixelColor(x, y);
            n += std::abs(ca.red() - cb.red()) + std::abs(ca.green() - cb.green()) +
                     std::abs(ca.blue() - cb.blue()) >
                 24;
        }
    }
    return n;
}

QImage grab(wake::ui::MapWidget& w)
{
    return w.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

} // namespace

TEST(MapWidgetTest, PanPastTheMarginRefreshesTheBufferOffTheGuiThread)
{
    if (QApplication::instance() == nullptr) {
        new QApplication(argc, argv);
    }
    wake::ui::MapWidget w;
    w.resize(500, 350);
    w.fitBounds({7.0, -86.0}, {24.0, -72.0});
    const QImage first = grab(w);
    // Three arrow presses move the view 360 px, past the 256 px margin.
    for (int i = 0; i < 3; ++i) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Right, Qt::NoModifier);
        QApplication::sendEvent(&w, &press);
    }
    const QImage preview = grab(w);
    w.waitForBufferedLayers();
    const QImage refreshed = grab(w);

    QImage expected(refreshed.size(), QImage::Format_RGB32);
    {
        QPainter p(&expected);
        w.renderer().paint(p, w.viewport());
    }
    const std::size_t area = expected.width() * expected.height();
    EXPECT_LT(differingPixels(refreshed, expected), area / 500);
    // The preview (the old picture, sea where it had nothing) lacks the land of
    // the newly exposed 104 px strip; the refreshed picture has it.
    EXPECT_GT(differingPixels(preview, expected), 200u);
    EXPECT_GT(differingPixels(first, refreshed), area / 50);
}
