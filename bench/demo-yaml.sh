# Sourced by the benchmarks that run a variant of suites/demo.yaml from elsewhere (not run): its relative paths
# (the migrations directory, the restore drill's smoke-step suite) are relative to suites/, so a copy outside it
# gets them absolute.
#   demo_yaml   suites/demo.yaml on stdout, its relative paths made absolute. Needs $home.
demo_yaml() {
  sed -e "s#^\(\s*migrate-directory:\) \.\.\$#\1 $home#" \
      -e "s#^\(\s*suite:\) demo-restored\.yaml\$#\1 $home/suites/demo-restored.yaml#" "$home/suites/demo.yaml"
}
