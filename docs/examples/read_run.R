#!/usr/bin/env Rscript
# Reads one wellsim run file in R with hdf5r (Debian: apt-get install r-base-core r-cran-hdf5r),
# without wellsim: mean life satisfaction per week with its units, a few named series as a data
# frame, and the last recorded per-person row joined to the people's neighbourhoods.
#
#     Rscript docs/examples/read_run.R runs/support_r0.h5
#
# Layout and conventions: docs/output-format.md. Every dataset carries `units` and `description`
# attributes; cut per-step data to /manifest steps_completed + 1 rows (a killed run may hold
# part of a step beyond it). hdf5r shows HDF5's dimensions in R's order, reversed: the
# [steps, series] matrix /series/values reads as series x steps.
suppressMessages(library(hdf5r))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript read_run.R RUN.h5")
f <- H5File$new(args[1], mode = "r")

stopifnot(h5attr(f, "schema") == "wellsim-run")
done <- h5attr(f[["manifest"]], "steps_completed")
rows <- seq_len(done + 1)

# Mean wellbeing per week, with the units and description the file gives.
mean <- f[["steps/mean"]]
cat(sprintf("%s (%s), %s\n", "mean", h5attr(mean, "units"), h5attr(mean, "description")))
weekly <- data.frame(week = f[["steps/step"]][rows], mean = mean[rows])
for (i in seq_len(nrow(weekly)))
  cat(sprintf("week %d %.6f\n", weekly$week[i], weekly$mean[i]))

# Named series (community runs): one column per series, its unit from /series/unit.
if (f$exists("series")) {
  names <- f[["series/name"]][]
  units <- f[["series/unit"]][]
  values <- t(f[["series/values"]][, rows, drop = FALSE])  # back to [steps, series]
  colnames(values) <- names
  pick <- intersect(c("prevalence/homeless", "prevalence/fuel_poor", "income/mean_disposable"),
                    names)
  series <- data.frame(week = weekly$week, values[, pick, drop = FALSE], check.names = FALSE)
  cat("\nlast week's series:\n")
  for (name in pick)
    cat(sprintf("  %-24s %10.4f %s\n", name, series[nrow(series), name], units[names == name]))
}

# The last complete per-person row, by neighbourhood.
recorded <- f[["wellbeing/steps"]][]
last <- max(which(recorded <= done))
values <- f[["wellbeing/values"]][, last]  # one column per recorded step in R's order
group <- f[["agents/group"]][]
if (f$exists("agents/neighbourhood")) {
  hood <- f[["agents/neighbourhood"]][][group + 1]  # group is 0-based
  cat(sprintf("\nmean life satisfaction at week %d by neighbourhood:\n", recorded[last]))
  print(round(tapply(values, hood, mean), 3))
}
f$close_all()
