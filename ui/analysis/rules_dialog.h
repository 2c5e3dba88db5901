#pragma once

// Analysis > Rules...: every rule value of every detector, editable, with the
// Global Fishing Watch and Skylight presets one click away. Changing a value
// makes the rules "custom". The dialog only edits; the window saves the rules
// and offers to run the analysis again.

#include "core/analysis/rules.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QDoubleSpinBox;

namespace wake::ui {

class RulesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RulesDialog(const analysis::AnalysisRules& rules, QWidget* parent = nullptr);

    analysis::AnalysisRules rules() const;
    void setRules(const analysis::AnalysisRules& rules);
    // The spin box of one value ("encounters", "maxDistanceM"), for tests.
    QDoubleSpinBox* field(const QString& group, const QString& key) const;
    QComboBox* presetChooser() const { return m_preset; }

private:
    QComboBox* m_preset = nullptr;
    QMap<QString, QDoubleSpinBox*> m_fields; // "group/key"
    bool m_loading = false;
};

} // namespace wake::ui
