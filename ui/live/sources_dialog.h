#pragma once

// Live > Sources...: the live sources with, for each, its state, messages a
// second, the age of its last message, reconnects, errors and the share of
// duplicates; Add, Edit, Remove and an Enabled box. Refreshed from the live
// snapshots while open.

#include <QDialog>

#include <memory>

class QTableWidget;
class QPushButton;

namespace wake::ui {

class LiveController;
struct LiveSnapshot;

class SourcesDialog : public QDialog
{
    Q_OBJECT
public:
    SourcesDialog(LiveController& controller, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    // The form Add and Edit show, filled in (tests call it directly).
    bool editSource(const QString& existingName = {});

private:
    void rebuild();
    void refresh(const std::shared_ptr<const LiveSnapshot>& snapshot);
    QString selectedName() const;

    LiveController& m_controller;
    QTableWidget* m_table = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    bool m_rebuilding = false;
};

} // namespace wake::ui
