#pragma once

// The Analysis menu: finding events in every vessel with the saved rules on
// a worker thread, editing the rules, and showing what a run would change
// before it is kept.

#include "core/analysis/rules.h"

#include <QObject>

#include <memory>

namespace wake::ui {

class AnalysisJob;
class Shell;

class AnalysisFeature : public QObject
{
    Q_OBJECT
public:
    explicit AnalysisFeature(Shell& shell);
    ~AnalysisFeature() override;

    void run(const analysis::AnalysisRules& rules);
    bool isRunning() const;

Q_SIGNALS:
    void shown(); // the changes of a finished analysis are on screen
    void kept();

private:
    void editRules();
    void onFinished(const QString& error, bool cancelled);

    Shell& m_shell;
    std::unique_ptr<AnalysisJob> m_job;
};

} // namespace wake::ui
