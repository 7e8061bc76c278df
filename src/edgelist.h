/* Metrics computed straight from a graph's edge list (from[], to[], weights), with no igraph_t:
 * building one costs 32 bytes and about 0.3 microseconds per edge, which at archive scale is
 * more than these metrics themselves. Degree, strength and components equal igraph's; PageRank
 * agrees within 1e-9 (tests compare them). */
#ifndef CREDGRAPH_EDGELIST_H
#define CREDGRAPH_EDGELIST_H
#include <stddef.h>
#include <stdint.h>

/* Degree and strength (w NULL: every weight 1) of every vertex. O(V + E). */
void edgelist_degree_strength(size_t n, size_t m, const uint32_t *from, const uint32_t *to, const double *w,
                              int64_t *degree, double *strength);
/* Connected components numbered 0, 1, ... in order of their lowest vertex, as igraph numbers
 * them; returns their count. Union-find with path halving, the lower root kept: O(E log V) at
 * worst, near-linear in practice. */
size_t edgelist_components(size_t n, size_t m, const uint32_t *from, const uint32_t *to, int64_t *membership);
/* PageRank of the undirected graph, igraph's conventions: each edge both ways with its weight
 * (w NULL: unweighted), a vertex without edges spreads its rank evenly, uniform teleport,
 * ranks sum to 1. Power iteration: the edges are first laid out as adjacency lists (O(V + E)
 * time; 4 bytes an edge end of weight 1, 12 another, freed on return), then each step,
 * O(V + E), pulls every vertex's rank from its neighbours, the vertices split between two
 * threads (this is our own code, not igraph's, which is not thread-safe), until the components
 * of more than 4096 vertices move by less than 1e-12 times the rank they hold; then each
 * smaller component is iterated alone until it does too. The same bytes whatever the threads'
 * timing. strength must come from edgelist_degree_strength; components numbers each vertex's
 * component from 0 (as edgelist_components does, in any order), or is NULL to find them. */
void edgelist_pagerank(size_t n, size_t m, const uint32_t *from, const uint32_t *to, const double *w,
                       const double *strength, const int64_t *components, double damping, double *rank);

#endif
