// Orderly shutdown on SIGINT and SIGTERM.
#ifndef FRONTLINE_SERVICES_FRONTLINE_SIGNALS_H_
#define FRONTLINE_SERVICES_FRONTLINE_SIGNALS_H_

namespace frontline {

// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts
// afterwards: call first thing in main.
void BlockTerminationSignals();

// Waits until SIGINT or SIGTERM arrives; returns the signal number.
int WaitForTerminationSignal();

}  // namespace frontline

#endif  // FRONTLINE_SERVICES_FRONTLINE_SIGNALS_H_
