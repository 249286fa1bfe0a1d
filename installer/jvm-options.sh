# JVM options of every start, sourced by ./cascade-studio and installer/build-installer.sh (the packaged
# launcher gets them as --java-options), so that the script and the package start the same way.
#
# The JIT's second tier (C2) later than the JVM's default: a start on a 2-core machine spent 2.4 s of
# its 5.6 s of CPU in the two compiler threads (C2 1.45 s, C1 0.95 s), against 0.85 s on the JavaFX
# thread, and they ran on the same two cores as the window and Hibernate. Ten times the invocation and
# loop counts before C2 compiles a method took the demo's first tree level from 3.1 s to 2.5 s (three
# starts each, README "Start-up and speed"); methods that are really hot (a 150,000-row plan or delete)
# still get C2, and those took as long as before (15.0–17.5 s and 20.6–26.6 s, both ways).
jvm_start_options=(-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
                   -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000)
