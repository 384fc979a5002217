-- Every rating given, a re-rating included, on the day it was given: these only grow (rating_sum and rating_count
-- keep each appeal's latest rating and step down when a re-rating replaces an earlier one), so Prometheus can take
-- rate() of them and average the ratings of any window. Rows written before this column existed start from their
-- latest ratings (a re-rating made before is not recoverable; a rebuild recounts the topics' 30 days).
alter table region_day_stats
    add column ratings_given       bigint not null default 0,
    add column rating_points_given bigint not null default 0;

update region_day_stats set ratings_given = rating_count, rating_points_given = rating_sum;
