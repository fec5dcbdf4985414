package io.timetocompute.scheduler.interchange;

import java.io.File;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.sf.mpxj.ActivityType;
import net.sf.mpxj.Availability;
import net.sf.mpxj.AvailabilityTable;
import net.sf.mpxj.CostRateTableEntry;
import net.sf.mpxj.Duration;
import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Rate;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.Resource;
import net.sf.mpxj.ResourceType;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.writer.FileFormat;
import net.sf.mpxj.writer.UniversalProjectWriter;

/**
 * Writes a large seeded P6 XER for the import/solve/export benchmark (docs/benchmarks.md): halls of 40 activities
 * in chains with FS, SS, FF and SF links and lags, labor assignments on 8 crews with max units, one online milestone
 * per hall. Usage: {@code LargeXerGenerator ACTIVITIES SEED OUT.xer}
 */
public final class LargeXerGenerator {

    private LargeXerGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int activities = Integer.parseInt(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        ProjectFile file = new ProjectFile();
        file.getProjectProperties().setName("Benchmark campus");
        file.getProjectProperties().setProjectID("BENCH");
        LocalDateTime dataDate = LocalDate.of(2027, 1, 4).atTime(8, 0);
        file.getProjectProperties().setStatusDate(dataDate);
        file.getProjectProperties().setStartDate(dataDate);
        ProjectCalendar calendar = file.addDefaultBaseCalendar();
        file.setDefaultCalendar(calendar);
        List<Resource> crews = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            Resource crew = file.addResource();
            crew.setName("Crew " + r);
            crew.setResourceID("CREW" + r);
            crew.setType(ResourceType.WORK);
            crew.getAvailability().add(new Availability(dataDate.minusYears(1), AvailabilityTable.END_DATE_NA,
                    (20 + random.nextInt(20)) * 100.0));
            crew.getCostRateTable(0).add(new CostRateTableEntry(dataDate.minusYears(1), AvailabilityTable.END_DATE_NA,
                    null, new Rate(0, TimeUnit.HOURS)));
            crews.add(crew);
        }
        RelationType[] types = RelationType.values();
        int perHall = 40;
        int halls = Math.max(1, activities / perHall);
        int id = 1000;
        for (int h = 0; h < halls; h++) {
            Task hall = file.addTask();
            hall.setName("Hall " + (h + 1));
            hall.setWBS("BENCH.H" + (h + 1));
            List<Task> tasks = new ArrayList<>();
            for (int a = 0; a < perHall; a++) {
                Task task = hall.addTask();
                boolean last = a == perHall - 1;
                task.setActivityID("A" + id++);
                task.setName((last ? "Hall " + (h + 1) + " online" : "Work " + a));
                task.setActivityType(last ? ActivityType.FINISH_MILESTONE : ActivityType.TASK_DEPENDENT);
                task.setMilestone(last);
                Duration duration = Duration.getInstance(last ? 0 : (1 + random.nextInt(15)) * 8, TimeUnit.HOURS);
                task.setDuration(duration);
                task.setPlannedDuration(duration);
                task.setRemainingDuration(duration);
                task.setStart(dataDate);
                task.setFinish(dataDate);
                if (!last) {
                    task.addResourceAssignment(crews.get(random.nextInt(crews.size())))
                            .setUnits((1 + random.nextInt(6)) * 100.0);
                }
                if (a > 0) {
                    Task predecessor = tasks.get(a - 1 - random.nextInt(Math.min(a, 3)));
                    RelationType type = last ? RelationType.FINISH_START : types[random.nextInt(types.length)];
                    if (type == RelationType.START_FINISH) {
                        type = RelationType.FINISH_START;
                    }
                    predecessor.getPredecessors();
                    task.addPredecessor(new Relation.Builder().predecessorTask(predecessor).type(type)
                            .lag(Duration.getInstance((random.nextInt(5) - 1) * 8, TimeUnit.HOURS)));
                    if (a > 3 && random.nextInt(3) == 0) {
                        task.addPredecessor(new Relation.Builder().predecessorTask(tasks.get(random.nextInt(a - 2)))
                                .type(RelationType.FINISH_START));
                    }
                }
                tasks.add(task);
            }
        }
        new UniversalProjectWriter(FileFormat.XER).write(file, new File(args[2]));
        System.out.println(halls * perHall + " activities written to " + args[2]);
    }
}
