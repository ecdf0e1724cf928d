// entity/neighbour-order: the order of an entity's neighbours through one relationship type (`r` the
// relationship, `m` the neighbour): ordinal, then date (on, from, enacted), then name. Included by
// entity/related; the compiler orders its neighbour lists by it too (EntityRepository.neighbourOrder).
coalesce(r.ordinal, 0), coalesce(r.on, r.from, r.enacted, ''), m.name
