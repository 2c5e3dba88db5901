#pragma once

// Live → Edit watch rules…: the rules file as text, checked as it is typed
// against the same reader the watch uses (every mistake said with its rule
// and key), saved whole or not at all (QSaveFile), then watched with. A new
// file starts from an example that says each kind.

#include "core/geo/area.h"
#include "core/util/result.h"

#include <QDialog>

#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace wake::ui {

class RulesEditor : public QDialog
{
    Q_OBJECT
public:
    RulesEditor(QString path, std::vector<geo::Area> storedAreas, QWidget* parent = nullptr);

    QString path() const { return m_path; }
    QPlainTextEdit* text() const { return m_text; }
    // The check of what is typed now: empty when the rules read.
    QString problem() const;
    // Writes the text to the file when it reads; the error says why not.
    Status save();

    static QString example();

private:
    void check();

    QString m_path;
    std::vector<geo::Area> m_storedAreas;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace wake::ui
