#pragma once

// File → Export replay video…: the file (MP4 or GIF), the replay span, the
// length, frame rate and size. Defaults: the replay's span, 20 s, 25 fps,
// 1280x720.

#include "ui/video/replay_video.h"

#include <QDialog>

class QDateTimeEdit;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace wake::ui {

class VideoExportDialog : public QDialog
{
    Q_OBJECT
public:
    VideoExportDialog(std::int64_t fromUtcMs, std::int64_t toUtcMs, const QString& suggestedPath,
                      QWidget* parent = nullptr);

    QString path() const;
    ReplayVideoOptions options() const;
    QSize frameSize() const;

private:
    void browse();
    void validate();

    QLineEdit* m_path = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QDoubleSpinBox* m_duration = nullptr;
    QSpinBox* m_fps = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
};

// File → Save map image…: a PNG of the map at any size.
class ImageSizeDialog : public QDialog
{
    Q_OBJECT
public:
    ImageSizeDialog(QSize initial, QWidget* parent = nullptr);
    QSize imageSize() const;

private:
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
};

} // namespace wake::ui
