// The PDF chunk's React renderer: @react-pdf/reconciler ships three builds of React's reconciler and
// picks one by React's version at run time, so all three would be bundled (159 KB of dead code).
// This app's React is pinned (package.json): bundle only the build for React 19.2 and later, the one
// @react-pdf/reconciler itself picks for it. Wired in next.config.js (turbopack.resolveAlias).
import React from 'react';
import createRenderer from '@react-pdf/reconciler/lib/reconciler-33.js';

const [major, minor] = React.version.split('.').map(Number);
if (!(major > 19 || (major === 19 && minor >= 2))) throw new Error(`components/result/pdf/slim/reconciler.mjs: React ${React.version} needs another build of @react-pdf/reconciler`);

export default createRenderer;
