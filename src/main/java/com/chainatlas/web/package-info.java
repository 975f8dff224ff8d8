/**
 * The web front end's server side: serving the single-page application built from {@code frontend/}.
 * The UI uses hash routes ({@code /#/chain?chain=NEV&region=340100}), so no path fallback is needed.
 */
package com.chainatlas.web;
