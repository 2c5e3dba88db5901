#include "ui/share/video_export_dialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>

namespace wake::ui {

namespace {

QDateTimeEdit* utcEdit(std::int64_t utcMs, QWidget* parent)
{
    auto* edit = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC), parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    edit->setCalendarPopup(true);
    return edit;
}

QSpinBox* pixels(int value, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(64, 7680);
    box->setSingleStep(2);
    box->setSuffix(QObject::tr(" px"));
    box->setValue(value);
    return box;
}

} // namespace

VideoExportDialog::VideoExportDialog(std::int64_t fromUtcMs, std::int64_t toUtcMs,
                                     const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export replay video"));
    auto* form = new QFormLayout(this);
    m_path = new QLineEdit(suggestedPath, this);
    m_path->setObjectName(QStringLiteral("videoPath"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &VideoExportDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    // A row whose field is a layout has no buddy of its own: name one, so
    // the shortcut works and the & is not shown.
    auto labelFor = [this](const QString& text, QWidget* buddy) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    form->addRow(labelFor(tr("&File (MP4 or GIF):"), m_path), pathRow);
    m_from = utcEdit(fromUtcMs, this);
    m_to = utcEdit(toUtcMs, this);
    form->addRow(tr("F&rom:"), m_from);
    form->addRow(tr("&To:"), m_to);
    m_duration = new QDoubleSpinBox(this);
    m_duration->setRange(1, 3600);
    m_duration->setValue(20);
    m_duration->setSuffix(tr(" s"));
    form->addRow(tr("&Length:"), m_duration);
    m_fps = new QSpinBox(this);
    m_fps->setRange(1, 60);
    m_fps->setValue(25);
    m_fps->setSuffix(tr(" frames/s"));
    form->addRow(tr("Frame r&ate:"), m_fps);
    m_width = pixels(1280, this);
    m_height = pixels(720, this);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(m_height);
    form->addRow(labelFor(tr("&Size:"), m_width), sizeRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    auto check = [this, ok = buttons->button(QDialogButtonBox::Ok)] {
        const QString p = path();
        ok->setEnabled((p.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive) ||
                        p.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive)) &&
                       m_from->dateTime() < m_to->dateTime());
    };
    connect(m_path, &QLineEdit::textChanged, this, check);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, check);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, check);
    check();
}

void VideoExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export replay video"), path(), tr("MP4 video (*.mp4);;Animated GIF (*.gif)"));
    if (!chosen.isEmpty()) {
        m_path->setText(chosen);
    }
}

QString VideoExportDialog::path() const
{
    return m_path->text().trimmed();
}

ReplayVideoOptions VideoExportDialog::options() const
{
    ReplayVideoOptions o;
    o.fromUtcMs = m_from->dateTime().toMSecsSinceEpoch();
    o.toUtcMs = m_to->dateTime().toMSecsSinceEpoch();
    o.durationS = m_duration->value();
    o.fps = m_fps->value();
    return o;
}

QSize VideoExportDialog::frameSize() const
{
    return evenVideoSize({m_width->value(), m_height->value()});
}

ImageSizeDialog::ImageSizeDialog(QSize initial, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Save map image"));
    auto* form = new QFormLayout(this);
    m_width = pixels(initial.width(), this);
    m_height = pixels(initial.height(), this);
    m_width->setSingleStep(10);
    m_height->setSingleStep(10);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Height:"), m_height);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QSize ImageSizeDialog::imageSize() const
{
    return {m_width->value(), m_height->value()};
}

} // namespace wake::ui
