#pragma once

// What a new analysis run would change: the events it adds and those it
// removes, listed before anything is kept. Keep replaces the stored results;
// Discard leaves the store as it was.

#include "core/analysis/analyzer.h"

#include <QDialog>

class QTreeWidget;

namespace wake::ui {

class ChangesDialog : public QDialog
{
    Q_OBJECT
public:
    ChangesDialog(const analysis::AnalysisOutput& output, const analysis::AnalysisChanges& changes,
                  QWidget* parent = nullptr);
    QTreeWidget* list() const { return m_list; }

private:
    QTreeWidget* m_list = nullptr;
};

} // namespace wake::ui
